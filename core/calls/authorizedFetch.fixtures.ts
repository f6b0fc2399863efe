import { createTokenSession } from '../session/createTokenSession.js';
import { type ScriptedProvider, testSessionOptions } from '../testDoubles.fixtures.js';
import { createAuthorizedFetch } from './createAuthorizedFetch.js';

/** The API origin of the authorized fetch's tests. */
export const API = 'https://api.firmly.work';
/** A cart call on it. */
export const url = `${API}/api/v2/domains/shop/cart/line-items`;
/** Where the token may go: the API origin alone. */
export const isApi = (u: string) => new URL(u).origin === API;

/**
 * @param body - the call's body
 * @returns a JSON cart POST to {@link url}
 */
export const post = (body: BodyInit) =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

/**
 * An authorized fetch over a scripted provider and a network that records each call.
 *
 * @param answer - the network's answer to each call, by its 1-based attempt number; throw for a
 *   network error
 * @param options - `opaqueRefusals`: the provider's refusals may come without CORS headers
 * @returns `send` (the authorized fetch, reporting into `intercepts`), what the network `seen`
 *   (each call's token and body), the `provider`, and the session's `options` (its clock, the
 *   errors it reported)
 */
export function setupAuthorizedFetch(
  answer: (request: Request, attempt: number) => Response,
  { opaqueRefusals = false } = {},
) {
  const options = testSessionOptions();
  const provider = options.provider as ScriptedProvider;
  Object.assign(provider, { opaqueRefusals });
  const session = createTokenSession(options);
  const seen: { auth: string | null; body: string }[] = [];
  const intercepts: unknown[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    const request = input as Request;
    seen.push({ auth: request.headers.get('x-firmly-authorization'), body: await request.text() });
    return answer(request, seen.length);
  }) as typeof fetch;
  const authorizedFetch = createAuthorizedFetch(session, provider, fetchFn, isApi);
  const send = (request: Request) => authorizedFetch(request, (info) => intercepts.push(info));
  return { send, seen, provider, intercepts, options };
}
