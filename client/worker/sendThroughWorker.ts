import { carriesNoBody } from '../../core/calls/methods.js';
import type { InterceptorError } from '../../core/errors/errors.js';
import { type HandedCall, OPAQUE_REDIRECT_HEADER } from '../../core/protocol/protocol.js';
import type { HandOff } from './createHandOff.js';

/**
 * Hands one API call to the worker to send (decision 019): for `keepalive` calls, which Firefox
 * sends past the service worker, so they would reach the API without the token. The message is
 * posted before this function first waits, whenever the page passed a body `postMessage` can
 * carry as it is, so a call made from `pagehide` leaves while the page still can.
 *
 * The call is sent once, by the worker or, when the worker never claims it, by the page
 * (decision 019): then through the page's own `fetch` without `keepalive`, so that in every
 * engine it is a fetch event the worker authorizes. A page alive to send it needs no keepalive.
 *
 * @param handOff - the page's hand-off
 * @param worker - the worker that hosts the interceptor
 * @param request - the page's call
 * @param body - the body the page passed, if any
 * @param pageFetch - the page's own `fetch`, which a controlled page's calls reach the worker by
 * @returns the worker's answer, as a `Response`; an opaque redirect as a genuine one
 * @throws InterceptorError `ApiUnreachable` where a fetch would fail with a network error, or
 *   `WorkerUnavailable` when the worker stopped after it claimed the call
 */
export async function sendThroughWorker(
  handOff: HandOff,
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
  let outcome: Awaited<ReturnType<HandOff>>;
  try {
    outcome = await handOff(worker, call);
  } catch (error) {
    // Refused unsent (a worker of an older build, say): the call goes as the page made it.
    if ((error as InterceptorError).code === 'ProtocolError') return pageFetch(request);
    throw error;
  }
  if ('sendItself' in outcome) return pageFetch(new Request(request, { keepalive: false }));
  const { answer } = outcome;
  if (answer.opaqueRedirect) {
    // No constructor makes one: the worker answers this fetch with a redirect, and sends nothing.
    return pageFetch(
      new Request(request.url, {
        redirect: 'manual',
        credentials: 'omit',
        headers: { [OPAQUE_REDIRECT_HEADER]: '1' },
      }),
    );
  }
  // An empty body as none: a 204 or 304 may have no other.
  return new Response(answer.body.byteLength ? answer.body : null, answer);
}
