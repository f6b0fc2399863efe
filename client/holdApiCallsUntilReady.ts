import { isApiUrl } from './isApiUrl.js';

interface PendingXhr {
  url: string;
  async: boolean;
  aborted: boolean;
}

/**
 * Holds the page's API calls (fetch and XHR) until `ready` settles, then lets them go, so even
 * a cart call made before the worker controls the page goes through the worker (or the in-page
 * fallback) and carries the token. Other calls are never held. Once `ready` settles the
 * originals are put back, so the page pays nothing afterwards.
 *
 * Held calls are sent through whatever `fetch` and `send` the page has when they are let go, so
 * a fallback armed in the meantime authorizes them.
 *
 * @param win - the page's window
 * @param apiOrigin - the configured API origin
 * @param ready - settles when the worker controls the page (or never will)
 */
export function holdApiCallsUntilReady(
  win: Window & typeof globalThis,
  apiOrigin: string,
  ready: Promise<unknown>,
): void {
  let held = true;
  const released = ready.then(
    () => undefined,
    () => undefined,
  );
  const isApi = (url: string | URL) => isApiUrl(url, win.location.href, apiOrigin);

  const originalFetch = win.fetch;
  const heldFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input;
    if (held && isApi(url)) return released.then(() => win.fetch(input, init));
    return originalFetch.call(win, input, init);
  };
  win.fetch = heldFetch;

  const proto = win.XMLHttpRequest.prototype;
  const { open, send, abort } = proto;
  const pending = new WeakMap<XMLHttpRequest, PendingXhr>();
  const heldOpen = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    pending.set(this, { url: String(args[1]), async: args[2] !== false, aborted: false });
    return open.apply(this, args);
  } as typeof open;
  const heldSend = function (
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    const xhr = pending.get(this);
    // A synchronous XHR cannot wait; it goes out as it would have.
    if (!held || !xhr?.async || !isApi(xhr.url)) return send.call(this, body);
    void released.then(() => {
      if (!xhr.aborted) proto.send.call(this, body);
    });
  };
  const heldAbort = function (this: XMLHttpRequest) {
    const xhr = pending.get(this);
    if (xhr) xhr.aborted = true;
    return abort.call(this);
  };
  proto.open = heldOpen;
  proto.send = heldSend;
  proto.abort = heldAbort;

  // Registered before any call is held, so this runs before the held calls are let go.
  void released.then(() => {
    held = false;
    // Only put back what is still ours: another script may have wrapped fetch on top.
    if (win.fetch === heldFetch) win.fetch = originalFetch;
    if (proto.open === heldOpen) proto.open = open;
    if (proto.send === heldSend) proto.send = send;
    if (proto.abort === heldAbort) proto.abort = abort;
  });
}
