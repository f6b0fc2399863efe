import { carriesNoBody } from '../../core/calls/methods.js';
import type { XhrCall } from '../patch/patchApiCalls.js';

const HEADERS_RECEIVED = 2;
const LOADING = 3;
const DONE = 4;

/**
 * Sends an XHR's call with `send` (the fallback's authorized fetch) instead of the XHR's own
 * machinery, and plays the answer back on the object the page holds: `readyState`, `status`,
 * headers, `response` per `responseType`, and the events in the order a browser fires them
 * (`loadstart`, `readystatechange` 2 3 4, `progress`, `load`, `loadend`; `error`, `abort` or
 * `timeout` instead of `load` when the call fails). So an XHR gets the same token, 401 retry and
 * coded answers a `fetch` gets, and always settles.
 *
 * The answer is shadowed onto the instance as own properties; `open()` on the same object
 * removes them (and drops the call), so a reused object behaves natively again.
 *
 * @param xhr - the page's object, opened; its own `send()` is never called
 * @param call - what the page opened and sent
 * @param send - sends it (with the token) and resolves to the answer
 */
export function sendXhrThroughFetch(
  xhr: XMLHttpRequest,
  call: XhrCall,
  send: (request: Request) => Promise<Response>,
): void {
  const controller = new AbortController();
  // As the XHR's own send(): GET and HEAD send no body, whatever was passed.
  const body = carriesNoBody(call.method) ? null : call.body;
  const hasBody = body !== null;
  let url = '';
  let state: number = xhr.OPENED;
  let status = 0;
  let statusText = '';
  let headers = new Headers();
  let bytes = new ArrayBuffer(0);
  let ended = false;
  // The timeout counts from send(), as the XHR's own does.
  const timer = xhr.timeout > 0 ? setTimeout(() => end('timeout'), xhr.timeout) : undefined;

  const fire = (target: EventTarget, type: string, loaded = 0, total = 0) =>
    target.dispatchEvent(new ProgressEvent(type, { loaded, total, lengthComputable: total > 0 }));
  const enter = (next: number) => {
    state = next;
    xhr.dispatchEvent(new Event('readystatechange'));
  };
  const text = () => new TextDecoder().decode(bytes);
  // The request error steps: readyState 4 with status 0, then the failure's own event.
  const end = (type: 'error' | 'abort' | 'timeout') => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    controller.abort();
    status = 0;
    statusText = '';
    headers = new Headers();
    const uploading = hasBody && state < HEADERS_RECEIVED;
    enter(DONE);
    if (uploading) {
      fire(xhr.upload, type);
      fire(xhr.upload, 'loadend');
    }
    fire(xhr, type);
    fire(xhr, 'loadend');
  };
  const hidden = (value: unknown) => ({ configurable: true, value });
  const shown = (get: () => unknown) => ({ configurable: true, get });

  Object.defineProperties(xhr, {
    readyState: shown(() => state),
    status: shown(() => status),
    statusText: shown(() => statusText),
    responseURL: shown(() => (state < HEADERS_RECEIVED ? '' : url)),
    responseText: shown(() => {
      if (xhr.responseType && xhr.responseType !== 'text') {
        throw new DOMException('responseType is not text', 'InvalidStateError');
      }
      return state < LOADING ? '' : text();
    }),
    response: shown(() => {
      const type = xhr.responseType;
      if (!type || type === 'text') return state < LOADING ? '' : text();
      if (state < DONE) return null;
      if (type === 'arraybuffer') return bytes;
      if (type === 'blob') return new Blob([bytes], { type: headers.get('content-type') ?? '' });
      if (type === 'json') {
        try {
          return JSON.parse(text());
        } catch {
          return null;
        }
      }
      return null;
    }),
    getResponseHeader: hidden((name: string) =>
      state < HEADERS_RECEIVED ? null : headers.get(name),
    ),
    getAllResponseHeaders: hidden(() =>
      state < HEADERS_RECEIVED
        ? ''
        : [...headers].map(([name, value]) => `${name}: ${value}\r\n`).join(''),
    ),
    abort: hidden(() => {
      end('abort');
      // As the XHR's own abort: DONE is left for UNSENT, without an event.
      state = xhr.UNSENT;
    }),
    open: hidden((...args: Parameters<XMLHttpRequest['open']>) => {
      ended = true;
      clearTimeout(timer);
      controller.abort();
      for (const name of OWN) Reflect.deleteProperty(xhr, name);
      xhr.open(...args);
    }),
  });

  fire(xhr, 'loadstart');
  if (hasBody) fire(xhr.upload, 'loadstart');
  // Built inside the chain, so a body fetch cannot carry ends in `error` like any failure.
  Promise.resolve()
    .then(() => {
      controller.signal.throwIfAborted();
      const request = new Request(call.url, {
        method: call.method,
        headers: call.headers,
        body,
        credentials: xhr.withCredentials ? 'include' : 'same-origin',
        signal: controller.signal,
      });
      url = request.url;
      return send(request);
    })
    .then(async (response) => {
      if (ended) return;
      url = response.url || url;
      status = response.status;
      statusText = response.statusText;
      headers = response.headers;
      if (hasBody) {
        fire(xhr.upload, 'progress');
        fire(xhr.upload, 'load');
        fire(xhr.upload, 'loadend');
      }
      enter(HEADERS_RECEIVED);
      const answer = await response.arrayBuffer();
      if (ended) return;
      bytes = answer;
      const total = answer.byteLength;
      enter(LOADING);
      fire(xhr, 'progress', total, total);
      ended = true;
      clearTimeout(timer);
      enter(DONE);
      fire(xhr, 'load', total, total);
      fire(xhr, 'loadend', total, total);
    })
    .catch(() => end('error'));
}

/** The members shadowed on the instance while a call runs through fetch. */
const OWN = [
  'readyState',
  'status',
  'statusText',
  'responseURL',
  'responseText',
  'response',
  'getResponseHeader',
  'getAllResponseHeaders',
  'abort',
  'open',
];
