import { describeUrl } from '../DebugLog.js';
import { InterceptorError } from '../errors/errors.js';
import type { HandedAnswer, HandedCall, ReportCall } from '../protocol/protocol.js';
import type { AuthorizedFetch } from './createAuthorizedFetch.js';
import { apiRequestVerdict } from './isApiRequest.js';
import { carriesNoBody } from './methods.js';

/**
 * Sends an API call a page handed over (decision 019) as if it had reached the fetch handler:
 * with the token, the same redirect guard and the same single retry after a refused session.
 * The host keeps itself alive until the answer is read (`waitUntil`), so the call goes even
 * when the page that made it is gone.
 *
 * @param call - what the page handed over
 * @param apiOrigins - where the token may go; a call to any other origin is refused unsent
 * @param authorizedFetch - the core's fetch
 * @param report - told how the call went
 * @param mayGo - settles once the call may go, after it was found to be an API call; a
 *   rejection leaves it unsent (the page sent it itself: see `takeHandOff`)
 * @returns the answer, read whole
 * @throws InterceptorError `ProtocolError` for a call that is not to an API origin, or that no
 *   `Request` can be made of; `ApiUnreachable` when it failed without an answer; what `mayGo`
 *   rejected with
 */
export async function sendHandedCall(
  call: HandedCall,
  apiOrigins: readonly string[],
  authorizedFetch: AuthorizedFetch,
  report?: ReportCall,
  mayGo: () => Promise<void> = async () => undefined,
): Promise<HandedAnswer> {
  let request: Request;
  try {
    request = new Request(call.url, {
      method: call.method,
      headers: call.headers,
      body: carriesNoBody(call.method) ? null : call.body,
      credentials: call.credentials,
      redirect: call.redirect,
    });
  } catch {
    throw new InterceptorError('ProtocolError', 'a handed call that is not a valid request');
  }
  // The worker sends the token only where it would for its own fetch events: a page (or a
  // script in it) cannot use this message to send the token anywhere else.
  if (apiRequestVerdict(request, apiOrigins) !== 'match') {
    throw new InterceptorError('ProtocolError', `${describeUrl(request.url)} is not an API call`);
  }
  await mayGo();
  let response: Response;
  try {
    response = await authorizedFetch(request, report);
  } catch {
    // The core has logged and reported why; the page learns which call.
    throw new InterceptorError('ApiUnreachable', `${request.method} ${describeUrl(request.url)}`);
  }
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  return {
    opaqueRedirect: response.type === 'opaqueredirect',
    status: response.status,
    statusText: response.statusText,
    headers,
    body: await response.arrayBuffer(),
  };
}
