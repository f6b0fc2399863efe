import { carriesNoBody } from '../../core/calls/methods.js';
import type { InterceptorError } from '../../core/errors/errors.js';
import type { HandedCall } from '../../core/protocol/protocol.js';
import { messageWorker } from './messageWorker.js';

// The answer comes when the API's does, renewal and retry included; the call itself is not
// bounded by this, only how long the page waits to hear of it.
const SEND_TIMEOUT_MS = 60_000;

/**
 * Hands one API call to the worker to send (decision 019): for `keepalive` calls, which Firefox
 * sends past the service worker, so they would reach the API without the token. The message is
 * posted before this function first waits, whenever the page passed a body `postMessage` can
 * carry as it is, so a call made from `pagehide` leaves while the page still can.
 *
 * @param worker - the worker that hosts the interceptor
 * @param request - the page's call
 * @param body - the body the page passed, if any
 * @param pageFetch - sends the call as the page made it, when the worker does not know this message
 * @returns the worker's answer, as a `Response`
 * @throws InterceptorError `ApiUnreachable` where a fetch would fail with a network error, or
 *   `WorkerUnavailable` when the worker did not answer within a minute
 */
export async function sendThroughWorker(
  worker: ServiceWorker,
  request: Request,
  body: BodyInit | null | undefined,
  pageFetch: (request: Request) => Promise<Response>,
): Promise<Response> {
  const call: HandedCall = {
    url: request.url,
    method: request.method,
    headers: [...request.headers],
    credentials: request.credentials,
    redirect: request.redirect,
    body:
      typeof body === 'string' ||
      body instanceof Blob ||
      body instanceof ArrayBuffer ||
      ArrayBuffer.isView(body)
        ? body
        : body instanceof URLSearchParams
          ? String(body)
          : body == null && carriesNoBody(request.method)
            ? null
            : // A FormData, a stream or a Request's own body: its bytes (its content type is in
              // the headers already). Read from a clone, so the page's call can still go as is.
              await request.clone().arrayBuffer(),
  };
  try {
    const answer = await messageWorker(worker, { type: 'send', call }, SEND_TIMEOUT_MS);
    // An empty body as none: a 204 or 304 may have no other.
    return new Response(answer.body.byteLength ? answer.body : null, answer);
  } catch (error) {
    // A worker of an older build refuses the message unsent: the call goes as the page made it.
    if ((error as InterceptorError).code === 'ProtocolError') return pageFetch(request);
    throw error;
  }
}
