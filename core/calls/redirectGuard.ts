import { type DebugLog, describeUrl } from '../DebugLog.js';
import { codedErrorResponse } from '../errors/codedErrorResponse.js';
import { InterceptorError } from '../errors/errors.js';
import type { Provider } from '../providers/Provider.js';
import { carriesNoBody } from './methods.js';
import { withToken } from './withToken.js';

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

/**
 * Wraps the host's fetch into the one way a call leaves with the token: the token never follows
 * a redirect off the API origin (docs/decisions/013-redirects-never-carry-the-token.md).
 *
 * Browsers drop `Authorization` on a cross-origin redirect but keep custom headers such as
 * Firmly's, and an opaque redirect hides its `Location`; so each hop goes out with
 * `redirect: 'manual'` and the guard follows redirects itself. A GET or HEAD is asked again
 * without the token to learn where it leads: on the API origin it is sent there with the token (at
 * most 5 hops), elsewhere the page gets the token-less answer. Any other method ends in
 * `502 RedirectRefused`, since learning its target would mean sending its body again. A page that
 * asked for `redirect: 'manual'` or `'error'` gets what it would without us.
 *
 * @param provider - puts the token on each hop, and shapes the coded answer
 * @param fetchFn - the host's fetch
 * @param isApiUrl - whether a URL is on the API origin, where the token may go
 * @param log - debug mode's log, if on
 * @returns a send that takes the page's request, the token and the buffered body (`null` for none)
 */
export function redirectGuard(
  provider: Provider,
  fetchFn: typeof fetch,
  isApiUrl: (url: string) => boolean,
  log?: DebugLog,
): (request: Request, token: string, body: ArrayBuffer | null) => Promise<Response> {
  const refuse = (request: Request, why: string) => {
    log?.(`${request.method} ${describeUrl(request.url)}: redirect not followed (${why})`);
    return codedErrorResponse(
      provider.id,
      new InterceptorError('RedirectRefused', `${request.method} ${why}`),
      502,
    );
  };

  return async (request, token, body) => {
    let target = request;
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(withToken(provider, target, token, body));
      if (response.type !== 'opaqueredirect') return response;
      // The page asked to see redirects itself, or to fail on them: as it would without us.
      if (request.redirect === 'manual') return response;
      if (request.redirect === 'error') return Response.error();
      if (!carriesNoBody(request.method)) {
        // Where a redirected POST leads cannot be learnt without sending its body again.
        return refuse(request, 'the target of a redirect with a body cannot be checked');
      }
      if (hop >= MAX_REDIRECTS) return refuse(request, 'too many redirects');
      // The browser hides the Location of an opaque redirect: ask again without the token and
      // let the browser follow, to learn where the redirect leads.
      const probe = await fetchFn(new Request(target, { redirect: 'follow' }));
      if (!probe.redirected) {
        return refuse(request, 'the API redirects only calls that carry the token');
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
  };
}
