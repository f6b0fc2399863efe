import { type DebugLog, describeUrl } from '../DebugLog.js';
import { codedErrorResponse } from '../errors/codedErrorResponse.js';
import { type ErrorInfo, InterceptorError, toErrorInfo } from '../errors/errors.js';
import type { Provider } from '../providers/Provider.js';
import type { TokenSession } from '../session/createTokenSession.js';
import type { InterceptInfo } from './InterceptInfo.js';
import { tokenFailureResponse } from './tokenFailureResponse.js';
import { withToken } from './withToken.js';

/** Sends one API call with the token; `report` is told how it went. */
export type AuthorizedFetch = (
  request: Request,
  report?: (info: InterceptInfo) => void,
) => Promise<Response>;

const BODYLESS = new Set(['GET', 'HEAD']);
// RFC 9110 §9.2.2: sending these twice has the effect of sending them once.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

// Redirects followed on the API origin for one call, as browsers cap them (Fetch: 20) but lower:
// each hop costs a probe and a send.
const MAX_REDIRECTS = 5;

/**
 * A token-less copy of a bodyless request, aimed at another URL of the API origin.
 *
 * @param request - the page's request
 * @param url - where the API redirected it
 * @returns the request for that URL
 */
function retarget(request: Request, url: string): Request {
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    mode: request.mode,
    credentials: request.credentials,
    cache: request.cache,
    redirect: request.redirect,
    referrerPolicy: request.referrerPolicy,
    signal: request.signal,
  });
}

// Headers a browser sends without asking the API's CORS policy (safelisted, or its own).
const NEEDS_NO_PERMISSION = new Set([
  'accept',
  'accept-language',
  'content-language',
  'range',
  'referer',
  'user-agent',
]);
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/**
 * The names (never the values) of the headers of a call that the API's CORS policy must allow,
 * the usual cause of a refused call.
 *
 * @param headers - the page's headers
 * @returns a comma-separated list, or `none`
 */
function headersNeedingPermission(headers: Headers): string {
  const names: string[] = [];
  headers.forEach((value, name) => {
    if (NEEDS_NO_PERMISSION.has(name) || name.startsWith('sec-')) return;
    if (name === 'content-type' && SIMPLE_CONTENT_TYPES.has(value.split(';')[0]?.trim() ?? ''))
      return;
    names.push(name);
  });
  return names.length ? names.join(', ') : 'none';
}

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
  return kind === 'session' || (kind === 'unknown' && IDEMPOTENT.has(method));
}

/**
 * Creates the function that sends one API call with the token.
 *
 * - On a 401 about the session it renews once and retries once with the same bytes, and never
 *   loops. A 401 about anything else (a wrong OTP) goes to the page untouched.
 * - A call that already carries the provider's auth header (the page's own token, such as
 *   Firmly's SDK running beside us) goes out unchanged.
 * - The token never follows a redirect off the API origin: calls go out with
 *   `redirect: 'manual'`, and an opaque redirect is resolved as `docs/decisions/013` describes.
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
  const refuseRedirect = (request: Request, why: string) => {
    log?.(`${request.method} ${describeUrl(request.url)}: redirect not followed (${why})`);
    return codedErrorResponse(
      provider.id,
      new InterceptorError('RedirectRefused', `${request.method} ${why}`),
      502,
    );
  };

  /** Sends with the token, following only redirects that stay on the API origin. */
  async function send(request: Request, token: string, body: ArrayBuffer | null) {
    let target = request;
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(withToken(provider, target, token, body));
      if (response.type !== 'opaqueredirect') return response;
      // The page asked to see redirects itself, or to fail on them: as it would without us.
      if (request.redirect === 'manual') return response;
      if (request.redirect === 'error') return Response.error();
      if (!BODYLESS.has(request.method)) {
        // Where a redirected POST leads cannot be learnt without sending its body again.
        return refuseRedirect(request, 'the target of a redirect with a body cannot be checked');
      }
      if (hop >= MAX_REDIRECTS) return refuseRedirect(request, 'too many redirects');
      // The browser hides the Location of an opaque redirect: ask again without the token and
      // let the browser follow, to learn where the redirect leads.
      const probe = await fetchFn(new Request(target, { redirect: 'follow' }));
      if (!probe.redirected) {
        return refuseRedirect(request, 'the API redirects only calls that carry the token');
      }
      if (!isApiUrl(probe.url)) {
        log?.(
          `${request.method} ${describeUrl(request.url)}: redirected to ` +
            `${describeUrl(probe.url)}, followed without the token`,
        );
        return probe;
      }
      target = retarget(request, probe.url);
    }
  }

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
    const body = BODYLESS.has(request.method) ? null : await request.clone().arrayBuffer();
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
        if (renewed === undefined || renewed === token || !IDEMPOTENT.has(request.method)) {
          throw error;
        }
        retried = true;
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
          response = await send(request, renewed, body);
        }
      }
      tell(response.status, retried);
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      // The browser says no more than "failed to fetch"; what the page can act on is which call,
      // and that a CORS refusal usually means a header the API does not allow.
      const failure = new InterceptorError(
        'ApiUnreachable',
        `${request.method} ${describeUrl(request.url)}; headers the API must allow: ` +
          headersNeedingPermission(request.headers),
      ).toInfo();
      log?.(failure.message);
      tell(0, retried, failure);
      throw error;
    }
  };
}
