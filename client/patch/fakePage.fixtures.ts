import { onTestFinished, vi } from 'vitest';
import { type ApiCallAuthorizer, patchApiCalls, type XhrCall } from './patchApiCalls.js';

/** The API origin the fake page's calls go to. */
export const API = 'https://api.example.com';
/** Where the fake page is. */
export const PAGE = 'https://shop.example.com/cart';

/**
 * A page's XMLHttpRequest, as far as the patch touches it: it records what goes out, and every
 * step taken on it in {@link FakeXhr.steps}, for tests of the order of open, headers and send.
 * Like a browser's, it reads OPENED once opened, fires `readystatechange` only when first opened,
 * and fires nothing when aborted unsent (the patch holds every `send()` it tests).
 */
export class FakeXhr extends EventTarget {
  static sent: { xhr: FakeXhr; body: unknown }[] = [];
  /** Every open, header and send on any object, in order; a test adds its own markers. */
  static steps: string[] = [];
  method = '';
  url = '';
  async = true;
  headers: [string, string][] = [];
  withCredentials = false;
  timeout = 0;
  responseType = '';
  aborted = false;
  readonly upload = new EventTarget();
  get readyState() {
    return this.method ? 1 : 0;
  }
  open(method: string, url: string, ...rest: [async?: boolean, user?: string, password?: string]) {
    // As WebIDL converts it: `async` given is a boolean, so `undefined` or 0 is false.
    const [async = rest.length === 0, user, password] = rest;
    const first = !this.method;
    Object.assign(this, { method, url, async: Boolean(async), headers: [], aborted: false });
    FakeXhr.steps.push(['open', method, url, async, user, password].filter(Boolean).join(' '));
    if (first) this.dispatchEvent(new Event('readystatechange'));
  }
  setRequestHeader(name: string, value: string) {
    this.headers.push([name, value]);
    FakeXhr.steps.push(`header ${name}: ${value}`);
  }
  send(body?: unknown) {
    FakeXhr.sent.push({ xhr: this, body });
    FakeXhr.steps.push(`send ${body ?? ''}`.trim());
  }
  abort() {
    this.aborted = true;
  }
}

/**
 * A page: its own fetch records each call and answers 200; `document.baseURI` can move. Node gets
 * the page's ProgressEvent.
 */
export function fakePage() {
  shimProgressEvent();
  FakeXhr.sent = [];
  FakeXhr.steps = [];
  const pageFetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    Response.json({ via: 'page' }),
  );
  const original = {
    open: FakeXhr.prototype.open,
    setRequestHeader: FakeXhr.prototype.setRequestHeader,
    send: FakeXhr.prototype.send,
    abort: FakeXhr.prototype.abort,
  };
  const win = {
    fetch: pageFetch,
    XMLHttpRequest: FakeXhr,
    location: { href: PAGE },
    document: { baseURI: PAGE },
  } as unknown as Window & typeof globalThis;
  const restore = () => {
    Object.assign(FakeXhr.prototype, original);
  };
  return {
    win,
    pageFetch,
    original,
    restore,
    xhr: () => new FakeXhr() as unknown as XMLHttpRequest,
  };
}

/**
 * A fake page with the patch on its calls to `origins`, put back as the test finishes.
 *
 * @param origins - the API origins the patch holds calls to
 * @returns the fake page, and the patch's mode setter
 */
export function patchedPage(origins: string[] = [API]) {
  const page = fakePage();
  onTestFinished(page.restore);
  return { ...page, setMode: patchApiCalls(page.win, origins) };
}

/** The fallback, as the patch sees it: it records what it was handed. */
export function fakeAuthorizer() {
  const fetched: Request[] = [];
  const xhrs: { xhr: XMLHttpRequest; call: XhrCall }[] = [];
  const authorizer: ApiCallAuthorizer = {
    fetch: async (request) => {
      fetched.push(request);
      return Response.json({ via: 'fallback' });
    },
    xhr: (xhr, call) => {
      xhrs.push({ xhr, call });
    },
  };
  return { authorizer, fetched, xhrs };
}

/** Gives Node the ProgressEvent a browser has, as far as the patch uses it. */
function shimProgressEvent(): void {
  if ('ProgressEvent' in globalThis) return;
  class ProgressEventShim extends Event {
    readonly lengthComputable: boolean;
    readonly loaded: number;
    readonly total: number;
    constructor(type: string, init: ProgressEventInit = {}) {
      super(type);
      this.lengthComputable = init.lengthComputable ?? false;
      this.loaded = init.loaded ?? 0;
      this.total = init.total ?? 0;
    }
  }
  Object.assign(globalThis, { ProgressEvent: ProgressEventShim });
}

/** Lets every queued task and microtask run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
