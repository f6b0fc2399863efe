import { carriesNoBody } from '../../core/calls/methods.js';
import type { XhrCall } from './patchApiCalls.js';

/** The members shadowed on the instance until the page opens the object again. */
const OWN = ['readyState', 'send', 'setRequestHeader', 'open'];

/**
 * Plays on an XHR whose `send()` the patch holds what the page's own `abort()` plays on one it
 * sent: `loadstart` (which the held call has not fired yet), then `readystatechange` at DONE,
 * `abort` and `loadend`, the upload's own `loadstart`, `abort` and `loadend` among them when a body
 * was to go. The page's object never sent anything, so it is still OPENED: its `readyState` is
 * shadowed (DONE, then UNSENT), and until the page opens it again `send()` and
 * `setRequestHeader()` throw, as they do on an aborted object. Without this, code that waits on
 * `loadend` would wait forever.
 *
 * Opening it again, from a listener or later, removes the shadows and fires the
 * `readystatechange` that opening an UNSENT (or DONE) object fires; the page's object, OPENED,
 * fires none. The upload events go out when a body was to go, whether or not the upload had
 * listeners when `send()` was called: an engine fires them only if it had, which no page can read.
 *
 * @param xhr - the page's object, opened, its `send()` held
 * @param call - what the page opened and sent
 */
export function abortHeldXhr(xhr: XMLHttpRequest, call: XhrCall): void {
  const uploads = call.body !== null && !carriesNoBody(call.method);
  // OPENED, as `send()` left it; numbers, since a page's stand-in may lack the constants.
  let state = 1;
  let reopened = false;
  const fire = (target: EventTarget, type: string) =>
    reopened ||
    target.dispatchEvent(type === 'readystatechange' ? new Event(type) : new ProgressEvent(type));
  const invalid = () => {
    throw new DOMException('The object is not opened.', 'InvalidStateError');
  };
  const own = (value: unknown) => ({ configurable: true, value });
  Object.defineProperties(xhr, {
    readyState: { configurable: true, get: () => state },
    send: own(invalid),
    setRequestHeader: own(invalid),
    open: own((...args: Parameters<XMLHttpRequest['open']>) => {
      const wasOpened = state === 1;
      reopened = true;
      for (const name of OWN) Reflect.deleteProperty(xhr, name);
      xhr.open(...args);
      if (!wasOpened) xhr.dispatchEvent(new Event('readystatechange'));
    }),
  });
  fire(xhr, 'loadstart');
  if (uploads) fire(xhr.upload, 'loadstart');
  state = 4;
  fire(xhr, 'readystatechange');
  if (uploads) {
    fire(xhr.upload, 'abort');
    fire(xhr.upload, 'loadend');
  }
  fire(xhr, 'abort');
  fire(xhr, 'loadend');
  state = 0;
}
