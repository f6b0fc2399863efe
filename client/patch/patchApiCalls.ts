import { abortHeldXhr } from './abortHeldXhr.js';
import { isApiUrl } from './isApiUrl.js';

/** One XHR the page opened and sent, as the patch recorded it. */
export interface XhrCall {
  method: string;
  /** As the page passed it to `open()`, resolved against the document's base URL then. */
  url: string | URL;
  /** Every `setRequestHeader()`, in order. */
  headers: [string, string][];
  /** As passed to `send()` (an XHR sends none for GET and HEAD, whatever is passed). */
  body: XMLHttpRequestBodyInit | null;
}

/** Sends the page's API calls with the token: the in-page fallback. */
export interface ApiCallAuthorizer {
  /**
   * Sends one `fetch` call with the token.
   *
   * @param request - the page's call
   * @returns the answer the page gets
   */
  fetch(request: Request): Promise<Response>;
  /**
   * Takes over one asynchronous XHR the page sent: sends it with the token and delivers the
   * answer (or an `error`) to the object the page holds. The page's own `send()` is not called.
   *
   * @param xhr - the page's object, opened
   * @param call - what the page opened and sent
   */
  xhr(xhr: XMLHttpRequest, call: XhrCall): void;
}

/**
 * Where the page's API calls go once they need not wait: to an {@link ApiCallAuthorizer} (the
 * fallback), or `pass`, out as the page made them, for a worker to authorize.
 */
export type ApiCallMode = 'pass' | ApiCallAuthorizer;

/** Switches where the page's API calls go. `pass` is final: it takes the patch off. */
export type SetApiCallMode = (mode: ApiCallMode) => void;

/**
 * Sends a `keepalive` API call in `pass` mode: through the worker, which some engines would
 * send it past (decision 019).
 *
 * @param request - the page's call
 * @param body - the body the page passed, if any
 * @returns the answer the page gets
 */
export type SendKeepalive = (
  request: Request,
  body: BodyInit | null | undefined,
) => Promise<Response>;

/** What the patch keeps of one XHR between `open()` and the call going out. */
interface OpenedXhr {
  call: XhrCall;
  async: boolean;
  /** Its `send()` is held: an `abort()` now must play the events a sent call's abort plays. */
  held?: boolean;
  /** `open()`'s arguments, the URL resolved: to open the object anew under the worker. */
  args: Parameters<XMLHttpRequest['open']>;
}

/**
 * Patches the page's `fetch` and `XMLHttpRequest` once, for calls to the API origin only, and
 * returns the switch between modes. The patch starts by holding those calls (decision 002):
 * they wait, in the order they were made, and go where the first mode set sends them. Other
 * calls, synchronous XHRs (they cannot wait) and `no-cors` fetches (they cannot carry a header)
 * always go out as the page made them.
 *
 * Firefox decides at `open()` whether a worker will see an XHR, so one opened before the worker
 * controls the page would go past it however late it is sent. When `pass` comes, every API XHR
 * opened before it and not yet sent is opened anew on the page's own object, and a held one is
 * opened anew just before its own `send()`: `open()`'s arguments again, then the headers the page
 * set, replayed. An object already opened fires no `readystatechange` when opened again, and
 * keeps `withCredentials`, `timeout`, `responseType` and its upload listeners, so the page sees
 * the call as it made it.
 *
 * A held XHR the page aborts was never sent on the page's own object, whose `abort()` therefore
 * fires nothing: the patch plays the events a sent call's abort fires ({@link abortHeldXhr}), so
 * code waiting on `loadend` settles.
 *
 * `pass` puts the page's own XHR methods back (unless another script wrapped them since), and
 * its `fetch` too unless `sendKeepalive` is given: then `fetch` stays wrapped, and hands
 * `keepalive` API calls to it; every other call goes straight to the page's own `fetch` after
 * one property read.
 *
 * @param win - the page's window
 * @param apiOrigins - the configured API origins
 * @param sendKeepalive - sends `keepalive` API calls in `pass` mode
 * @returns the mode switch
 */
export function patchApiCalls(
  win: Window & typeof globalThis,
  apiOrigins: readonly string[],
  sendKeepalive?: SendKeepalive,
): SetApiCallMode {
  let mode: ApiCallMode | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Runs `go` with the mode a call goes into: the current one, or the first one set.
  const route = <T>(go: (next: ApiCallMode) => T): T | Promise<T> =>
    mode ? go(mode) : released.then(() => go(mode as ApiCallMode));
  const isApi = (url: string | URL) => isApiUrl(url, win.location.href, apiOrigins);

  const pageFetch = win.fetch;
  const patchedFetch: typeof fetch = async (input, init) => {
    const handToWorker =
      sendKeepalive && (init?.keepalive ?? (input instanceof Request && input.keepalive));
    if (
      (mode === 'pass' && !handToWorker) ||
      !isApi(input instanceof Request ? input.url : input)
    ) {
      return pageFetch.call(win, input, init);
    }
    return route((next) => {
      const request = new Request(input, init);
      // A no-cors request cannot carry the header, so it is left alone, as the worker leaves it.
      if (request.mode === 'no-cors') return pageFetch.call(win, request);
      if (next !== 'pass') return next.fetch(request);
      return handToWorker ? sendKeepalive(request, init?.body) : pageFetch.call(win, request);
    });
  };

  const proto = win.XMLHttpRequest.prototype;
  const native = {
    open: proto.open,
    setRequestHeader: proto.setRequestHeader,
    send: proto.send,
    abort: proto.abort,
  };
  const opened = new WeakMap<XMLHttpRequest, OpenedXhr>();
  // API XHRs opened and not yet sent: `pass` opens them anew.
  const unsent = new Set<XMLHttpRequest>();
  const reopen = (xhr: XMLHttpRequest, { args, call }: OpenedXhr) => {
    native.open.apply(xhr, args);
    for (const [name, value] of call.headers) native.setRequestHeader.call(xhr, name, value);
  };
  const patched = {
    open: function (this: XMLHttpRequest, ...args: Parameters<typeof proto.open>) {
      native.open.apply(this, args);
      // After the page's own open succeeded, so a bad method or URL throws as it always did. The
      // URL is resolved as the object resolved it: the page may move (pushState) while it waits.
      args[1] = new URL(args[1], win.document.baseURI).href;
      const xhr = {
        call: { method: args[0], url: args[1], headers: [], body: null },
        // As the engines convert it: given, `async` is a boolean, so `undefined` and 0 are false.
        async: args.length < 3 || Boolean(args[2]),
        args,
      };
      opened.set(this, xhr);
      if (xhr.async && isApi(args[1])) unsent.add(this);
      else unsent.delete(this);
    } as typeof proto.open,
    setRequestHeader(this: XMLHttpRequest, name: string, value: string) {
      native.setRequestHeader.call(this, name, value);
      opened.get(this)?.call.headers.push([name, value]);
    },
    send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      unsent.delete(this);
      const xhr = opened.get(this);
      if (mode === 'pass' || !xhr?.async || !isApi(xhr.call.url)) {
        return native.send.call(this, body);
      }
      const { call } = xhr;
      call.body = (body ?? null) as XMLHttpRequestBodyInit | null;
      xhr.held = true;
      void route((next) => {
        // Aborted or opened again while it waited: the page no longer wants this call.
        if (opened.get(this) !== xhr) return;
        xhr.held = false;
        if (next !== 'pass') return next.xhr(this, call);
        reopen(this, xhr);
        native.send.call(this, body);
      });
    },
    abort(this: XMLHttpRequest) {
      const xhr = opened.get(this);
      opened.delete(this);
      unsent.delete(this);
      native.abort.call(this);
      // A held call is dropped. The page's object never sent it, so its own abort fired nothing.
      if (xhr?.held) abortHeldXhr(this, xhr.call);
    },
  };

  win.fetch = patchedFetch;
  Object.assign(proto, patched);

  return (next) => {
    mode = next;
    if (next === 'pass') {
      for (const xhr of unsent) reopen(xhr, opened.get(xhr) as OpenedXhr);
      unsent.clear();
      // Only what is still ours: another script may have wrapped fetch or XHR on top.
      if (win.fetch === patchedFetch && !sendKeepalive) win.fetch = pageFetch;
      for (const name of Object.keys(native) as (keyof typeof native)[]) {
        if (proto[name] === patched[name]) Object.assign(proto, { [name]: native[name] });
      }
    }
    release();
  };
}
