import type { TokenSession } from './createTokenSession.js';
import { type DebugLog, describeUrl } from './DebugLog.js';
import { InterceptorError, toErrorInfo } from './errors.js';
import type { InterceptInfo } from './InterceptInfo.js';
import type { Provider } from './providers/Provider.js';

/** Sends one API call with the token; `report` is told how it went. */
export type AuthorizedFetch = (
  request: Request,
  report?: (info: InterceptInfo) => void,
) => Promise<Response>;

const BODYLESS = new Set(['GET', 'HEAD']);

/**
 * The answer a page's call gets when no token can be had: never a hang, and never the call
 * sent on silently without its token. Configuration the API refused (an application id) is
 * answered with the API's own answer, so the storefront sees what it would have seen without
 * us; anything else is a 503 with the coded error.
 *
 * @param error - why there is no token
 * @returns the response for the page's call
 */
export function tokenFailureResponse(error: unknown): Response {
  if (error instanceof InterceptorError && error.upstream) {
    return new Response(error.upstream.body, {
      status: error.upstream.status,
      headers: { 'content-type': 'application/json' },
    });
  }
  const info = toErrorInfo(error);
  return Response.json({ error: info.code, message: info.message }, { status: 503 });
}

/**
 * Creates the function that sends one API call with the token: on a 401 it renews once and
 * retries once with the same bytes, and never loops.
 *
 * @param session - the token lifecycle
 * @param provider - puts the token on the request
 * @param fetchFn - the host's fetch
 * @param log - debug mode's log, if on
 * @returns a fetch for API calls; its `report`, if given, is told how the call went
 */
export function createAuthorizedFetch(
  session: TokenSession,
  provider: Provider,
  fetchFn: typeof fetch,
  log?: DebugLog,
): AuthorizedFetch {
  const withToken = (request: Request, token: string, body: ArrayBuffer | null) => {
    const headers = new Headers(request.headers);
    provider.authorize(headers, token);
    return new Request(request, { headers, body });
  };

  return async (request, report) => {
    // Buffered once so a retry replays the body byte for byte; read from a clone so the
    // original Request stays usable as the template for the outgoing ones.
    const body = BODYLESS.has(request.method) ? null : await request.clone().arrayBuffer();
    let token: string;
    try {
      token = await session.token(request.signal);
    } catch (error) {
      // The page gave up on this call; whatever is answered now goes nowhere.
      if (request.signal.aborted) throw request.signal.reason;
      const response = tokenFailureResponse(error);
      log?.(
        `${request.method} ${describeUrl(request.url)}: no token (${toErrorInfo(error).code}), ` +
          `answered ${response.status} without sending`,
      );
      report?.({
        method: request.method,
        url: request.url,
        status: response.status,
        retried: false,
      });
      return response;
    }
    log?.(`${request.method} ${describeUrl(request.url)}: matched, token attached`);
    let response = await fetchFn(withToken(request, token, body));
    let retried = false;
    if (response.status === 401) {
      log?.(`${request.method} ${describeUrl(request.url)}: 401, renewing once and retrying once`);
      let renewed: string | undefined;
      try {
        renewed = await session.renew(token, request.signal);
      } catch {
        // No better token to be had: the page gets the API's own 401.
      }
      if (renewed !== undefined) {
        retried = true;
        response = await fetchFn(withToken(request, renewed, body));
      }
    }
    report?.({ method: request.method, url: request.url, status: response.status, retried });
    return response;
  };
}
