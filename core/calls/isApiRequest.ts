/** The parts of a request that decide whether it gets the token. */
export interface RequestLike {
  /** A parsed URL is used as is, which spares the worker's hot path a second parse. */
  url: string | URL;
  mode: RequestMode;
}

/** Why a request does or does not get the token. */
export type ApiRequestVerdict = 'match' | 'navigation' | 'no-cors' | 'another origin' | 'not a URL';

/**
 * Decides whether a request gets the token, and why. Origins are compared parsed and whole
 * (scheme, host and port), never as a string prefix, so `https://api.example.com.evil.com` and
 * `https://api.example.com@evil.com` do not pass. Navigations are never touched, and `no-cors`
 * requests cannot carry custom headers anyway.
 *
 * @param request - the outgoing request
 * @param apiOrigins - the configured origins, each canonical (`URL.origin`)
 * @returns `match`, or the reason it is left alone
 */
export function apiRequestVerdict(
  request: RequestLike,
  apiOrigins: readonly string[],
): ApiRequestVerdict {
  if (request.mode === 'navigate') return 'navigation';
  let origin: string;
  try {
    origin = (typeof request.url === 'string' ? new URL(request.url) : request.url).origin;
  } catch {
    return 'not a URL';
  }
  if (!apiOrigins.includes(origin)) return 'another origin';
  return request.mode === 'no-cors' ? 'no-cors' : 'match';
}

/**
 * @param request - the outgoing request
 * @param apiOrigins - the configured origins, each canonical (`URL.origin`)
 * @returns whether to attach the token (see {@link apiRequestVerdict})
 */
export function isApiRequest(request: RequestLike, apiOrigins: readonly string[]): boolean {
  return apiRequestVerdict(request, apiOrigins) === 'match';
}
