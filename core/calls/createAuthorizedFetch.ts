import { type DebugLog, describeUrl } from '../DebugLog.js';
import { type ErrorInfo, toErrorInfo } from '../errors/errors.js';
import type { Provider } from '../providers/Provider.js';
import type { TokenSession } from '../session/createTokenSession.js';
import { diagnoseCorsRefusal } from './diagnoseCorsRefusal.js';
import type { InterceptInfo } from './InterceptInfo.js';
import { carriesNoBody, isIdempotent } from './methods.js';
import { redirectGuard } from './redirectGuard.js';
import { tokenFailureResponse } from './tokenFailureResponse.js';

/** Sends one API call with the token; `report` is told how it went. */
export type AuthorizedFetch = (
  request: Request,
  report?: (info: InterceptInfo) => void,
) => Promise<Response>;

/**
 * Whether a 401 is worth a renewal and a replay: when the provider reads it as a refused
 * session, or when it cannot tell and sending the call twice does no harm (docs/decisions/018).
 *
 * @param provider - reads the 401's body
 * @param method - the call's method
 * @param body - the 401's body
 * @returns whether to renew and replay
 */
function isSessionRefusal(provider: Provider, method: string, body: string): boolean {
  const kind = provider.readRefusal(body);
  return kind === 'session' || (kind === 'unknown' && isIdempotent(method));
}

/**
 * Creates the function that sends one API call with the token.
 *
 * - On a 401 about the session it renews once and retries once with the same bytes, and never
 *   loops. A 401 about anything else (a wrong OTP) goes to the page untouched.
 * - A call that already carries the provider's auth header (the page's own token, such as
 *   Firmly's SDK running beside us) goes out unchanged.
 * - Every send goes through {@link redirectGuard}, so the token never follows a redirect off the
 *   API origin (`docs/decisions/013`).
 * - A call that fails without an answer (network, CORS) is reported with `ApiUnreachable`.
 *
 * @param session - the token lifecycle
 * @param provider - puts the token on the request
 * @param fetchFn - the host's fetch
 * @param isApiUrl - whether a URL is on the API origin, where the token may go
 * @param log - debug mode's log, if on
 * @returns a fetch for API calls; its `report`, if given, is told how the call went
 */
export function createAuthorizedFetch(
  session: TokenSession,
  provider: Provider,
  fetchFn: typeof fetch,
  isApiUrl: (url: string) => boolean,
  log?: DebugLog,
): AuthorizedFetch {
  const send = redirectGuard(provider, fetchFn, isApiUrl, log);

  // Whether a network error may still be a refusal without CORS headers (docs/decisions/017):
  // one renewal per run of network errors, re-armed by the next answer the API gives.
  let armed = true;

  return async (request, report) => {
    if (request.headers.has(provider.authHeader)) {
      log?.(
        `${request.method} ${describeUrl(request.url)}: carries its own ${provider.authHeader}, ` +
          'sent unchanged',
      );
      return fetchFn(request);
    }
    // Buffered once so a retry replays the body byte for byte; read from a clone so the
    // original Request stays usable as the template for the outgoing ones.
    const body = carriesNoBody(request.method) ? null : await request.clone().arrayBuffer();
    const tell = (status: number, retried: boolean, failure?: ErrorInfo) =>
      report?.({
        method: request.method,
        url: request.url,
        status,
        retried,
        ...(failure && { failure }),
      });
    let token: string;
    try {
      token = await session.token(request.signal);
    } catch (error) {
      // The page gave up on this call; whatever is answered now goes nowhere.
      if (request.signal.aborted) throw request.signal.reason;
      const response = tokenFailureResponse(provider.id, error);
      log?.(
        `${request.method} ${describeUrl(request.url)}: no token (${toErrorInfo(error).code}), ` +
          `answered ${response.status} without sending`,
      );
      tell(response.status, false);
      return response;
    }
    log?.(`${request.method} ${describeUrl(request.url)}: matched, token attached`);
    let retried = false;
    try {
      let response: Response;
      try {
        response = await send(request, token, body);
      } catch (error) {
        // A 401 without CORS headers reaches a browser as a network error (Digital River has
        // sent them). Renew so the next call, or this one if it can be replayed, has a good token.
        if (request.signal.aborted || !provider.opaqueRefusals || !armed) throw error;
        armed = false;
        log?.(`${request.method} ${describeUrl(request.url)}: network error, renewing once`);
        const renewed = await session.renew(token, request.signal).catch(() => undefined);
        if (renewed === undefined || renewed === token || !isIdempotent(request.method)) {
          throw error;
        }
        retried = true;
        token = renewed;
        response = await send(request, renewed, body);
      }
      armed = true;
      if (
        response.status === 401 &&
        !retried &&
        isSessionRefusal(provider, request.method, await response.clone().text())
      ) {
        log?.(
          `${request.method} ${describeUrl(request.url)}: 401, renewing once and retrying once`,
        );
        let renewed: string | undefined;
        try {
          renewed = await session.renew(token, request.signal);
        } catch {
          // No better token to be had: the page gets the API's own 401.
        }
        if (renewed !== undefined) {
          retried = true;
          token = renewed;
          response = await send(request, renewed, body);
        }
      }
      // Any other answer means the API took the token: a run of refused tokens is over.
      if (response.status !== 401) session.accepted(token);
      tell(response.status, retried);
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      const failure = diagnoseCorsRefusal(request);
      log?.(failure.message);
      tell(0, retried, failure);
      throw error;
    }
  };
}
