import { idealTokenRequests } from './idealTokenRequests';

/** How a page makes a call: `fetch` GET, `fetch` POST, XHR POST, keepalive `fetch` POST. */
export type CallKind = 'get' | 'post' | 'xhr' | 'keepalive';

/** One call as the page saw it (bench/pages/soak-driver.js). */
export interface CallRecord {
  id: string;
  kind: CallKind;
  /** Wall-clock milliseconds. */
  startedAt: number;
  /** Until the answer or the network error; `null` while neither came. */
  ms: number | null;
  status: number | null;
  /** The error code an error answer's body names, such as `TokenUnavailable`. */
  code: string | null;
  /** The network error the call rejected with. */
  error: string | null;
}

/** A call the page waited on longer than this hung. */
export const HUNG_MS = 20_000;

/** What the token endpoint saw in a round of our setup; the control asks it for nothing. */
export interface RoundTokens {
  requests: number;
  faulted: number;
  insideRetryAfter: number;
  devices: number;
  lifetimeSeconds: number;
}

/** One provider's figures for one round. */
export interface RoundFigures {
  calls: number;
  /** Calls the page never got an answer for: a network error, or nothing by the end. */
  lost: number;
  /** Lost calls that rejected with a network error; the others had no answer by the end. */
  networkErrors: number;
  /** The lost calls themselves, for a closer look: how each was made, its error, its time. */
  lostCalls: Pick<CallRecord, 'id' | 'kind' | 'ms' | 'error'>[];
  /** Calls that took over {@link HUNG_MS}, answered late or not at all. */
  hung: number;
  /** Cart calls that reached the API without a valid token (the API answered 401). */
  withoutValidToken: number;
  /** Calls the page got a 401 for. */
  answered401: number;
  /** Calls the page got `503 TokenUnavailable` for: the coded answer while tokens cannot be had. */
  tokenUnavailable: number;
  /** Other answers of 400 or more. */
  otherErrors: number;
  postsSent: number;
  /** POST bodies the API received at least once. */
  postsReceived: number;
  /** POST bodies the API received more than once. */
  receivedTwice: number;
  /** Lost calls whose body had reached the API all the same. */
  lostAfterArriving: number;
  /** Lost, hung and received-twice calls by how they were made, where any were. */
  byKind: Partial<Record<'lost' | 'hung' | 'receivedTwice', Partial<Record<CallKind, number>>>>;
  tokenRequests: number | null;
  idealTokenRequests: number | null;
  faultedTokenRequests: number | null;
  tokenRequestsInsideRetryAfter: number | null;
  devices: number | null;
}

function countBy(records: readonly CallRecord[]): Partial<Record<CallKind, number>> {
  const counts: Partial<Record<CallKind, number>> = {};
  for (const { kind } of records) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/**
 * One provider's figures for one round, from its tabs' records, what reached its API and, for our
 * setup, what its token endpoint saw.
 *
 * @param records - every call the provider's tabs made
 * @param arrivals - how many times the API received each POST body, by its id
 * @param unauthorized - cart calls the API refused with 401
 * @param tokens - the token endpoint's counts, for our setup only
 */
export function summarizeRound(
  records: readonly CallRecord[],
  arrivals: ReadonlyMap<string, number>,
  unauthorized: number,
  tokens?: RoundTokens,
): RoundFigures {
  const lost = records.filter((r) => r.error !== null || r.status === null);
  const hung = records.filter((r) => r.ms === null || r.ms > HUNG_MS);
  const posts = records.filter((r) => r.kind !== 'get');
  const twice = posts.filter((r) => (arrivals.get(r.id) ?? 0) > 1);
  const status = (test: (s: number, code: string | null) => boolean) =>
    records.filter((r) => r.status !== null && test(r.status, r.code)).length;
  const byKind: RoundFigures['byKind'] = {};
  if (lost.length) byKind.lost = countBy(lost);
  if (hung.length) byKind.hung = countBy(hung);
  if (twice.length) byKind.receivedTwice = countBy(twice);
  const starts = records.map((r) => r.startedAt);
  const activeSeconds = starts.length ? (Math.max(...starts) - Math.min(...starts)) / 1000 : 0;
  return {
    calls: records.length,
    lost: lost.length,
    networkErrors: lost.filter((r) => r.error !== null).length,
    lostCalls: lost.map(({ id, kind, ms, error }) => ({ id, kind, ms, error })),
    hung: hung.length,
    withoutValidToken: unauthorized,
    answered401: status((s) => s === 401),
    tokenUnavailable: status((s, code) => s === 503 && code === 'TokenUnavailable'),
    otherErrors: status(
      (s, code) => s >= 400 && s !== 401 && !(s === 503 && code === 'TokenUnavailable'),
    ),
    postsSent: posts.length,
    postsReceived: posts.filter((r) => (arrivals.get(r.id) ?? 0) > 0).length,
    receivedTwice: twice.length,
    lostAfterArriving: lost.filter((r) => r.kind !== 'get' && (arrivals.get(r.id) ?? 0) > 0).length,
    byKind,
    tokenRequests: tokens ? tokens.requests : null,
    idealTokenRequests: tokens
      ? idealTokenRequests({
          devices: 1,
          activeSeconds,
          lifetimeSeconds: tokens.lifetimeSeconds,
          faultedRequests: tokens.faulted,
        })
      : null,
    faultedTokenRequests: tokens ? tokens.faulted : null,
    tokenRequestsInsideRetryAfter: tokens ? tokens.insideRetryAfter : null,
    devices: tokens ? tokens.devices : null,
  };
}
