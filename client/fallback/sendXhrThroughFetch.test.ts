import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { XhrCall } from '../patch/patchApiCalls.js';
import { sendXhrThroughFetch } from './sendXhrThroughFetch.js';

const API = 'https://api.example.com';

beforeAll(() => {
  // Node has no ProgressEvent; the browser's carries loaded and total the same way.
  if (!('ProgressEvent' in globalThis)) {
    class ProgressEventShim extends Event {
      readonly loaded: number;
      readonly total: number;
      constructor(type: string, init: ProgressEventInit = {}) {
        super(type);
        this.loaded = init.loaded ?? 0;
        this.total = init.total ?? 0;
      }
    }
    Object.assign(globalThis, { ProgressEvent: ProgressEventShim });
  }
});

afterEach(() => {
  vi.useRealTimers();
});

/** An opened XHR as a page holds it: it records every event, in order, with readyState. */
class OpenedXhr extends EventTarget {
  readonly UNSENT = 0;
  readonly OPENED = 1;
  readonly upload = new EventTarget();
  timeout = 0;
  responseType: XMLHttpRequestResponseType = '';
  reopened: unknown[] = [];
  events: string[] = [];
  constructor() {
    super();
    const types = [
      'loadstart',
      'readystatechange',
      'progress',
      'load',
      'error',
      'abort',
      'timeout',
    ];
    for (const type of [...types, 'loadend']) {
      this.addEventListener(type, () =>
        this.events.push(
          type === 'readystatechange' ? `readystatechange ${this.readyState}` : type,
        ),
      );
      this.upload.addEventListener(type, () => this.events.push(`upload ${type}`));
    }
  }
  // The browser's own answer lives on the prototype, as getters.
  get readyState() {
    return 1;
  }
  get status() {
    return 0;
  }
  open(...args: unknown[]) {
    this.reopened.push(args);
  }
  abort() {}
}

const opened = () => new OpenedXhr();
const cartCall = (): XhrCall => ({ method: 'GET', url: `${API}/cart`, headers: [], body: null });
const page = (xhr: OpenedXhr) => xhr as unknown as XMLHttpRequest;
const settled = (xhr: OpenedXhr) =>
  new Promise<void>((resolve) => xhr.addEventListener('loadend', () => resolve()));

describe('sendXhrThroughFetch', () => {
  it('an add to cart by XHR gets the answer with the events in the browser order', async () => {
    const xhr = opened();
    const send = vi.fn(async (_request: Request) =>
      Response.json({ line_items: [{ sku: 'A' }] }, { status: 201, headers: { 'x-cart': '7' } }),
    );
    sendXhrThroughFetch(
      page(xhr),
      {
        method: 'POST',
        url: `${API}/cart/line-items`,
        headers: [['content-type', 'application/json']],
        body: '{"quantity":1}',
      },
      send,
    );
    await settled(xhr);

    expect(xhr.events).toEqual([
      'loadstart',
      'upload loadstart',
      'upload progress',
      'upload load',
      'upload loadend',
      'readystatechange 2',
      'readystatechange 3',
      'progress',
      'readystatechange 4',
      'load',
      'loadend',
    ]);
    const answer = page(xhr);
    expect(answer.status).toBe(201);
    expect(answer.readyState).toBe(4);
    expect(JSON.parse(answer.responseText)).toEqual({ line_items: [{ sku: 'A' }] });
    expect(answer.getResponseHeader('X-Cart')).toBe('7');
    expect(answer.getAllResponseHeaders()).toContain('x-cart: 7\r\n');
    expect(answer.responseURL).toBe(`${API}/cart/line-items`);
    const sent = send.mock.calls[0]?.[0];
    expect(await sent?.text()).toBe('{"quantity":1}');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.credentials).toBe('same-origin');
  });

  it('the token endpoint is down: the XHR settles with the coded 503 a fetch gets', async () => {
    const xhr = opened();
    xhr.responseType = 'json';
    sendXhrThroughFetch(page(xhr), cartCall(), async () =>
      Response.json({ error: 'TokenUnavailable', message: 'No session token' }, { status: 503 }),
    );
    await settled(xhr);
    expect(page(xhr).status).toBe(503);
    expect(page(xhr).response).toEqual({ error: 'TokenUnavailable', message: 'No session token' });
    expect(() => page(xhr).responseText).toThrow(/not text/);
    expect(xhr.events.at(-2)).toBe('load');
  });

  it('a network failure ends in error and loadend, with status 0, never a hang', async () => {
    const xhr = opened();
    sendXhrThroughFetch(
      page(xhr),
      { method: 'POST', url: `${API}/cart/line-items`, headers: [], body: '{}' },
      () => Promise.reject(new TypeError('Failed to fetch')),
    );
    await settled(xhr);
    expect(xhr.events).toEqual([
      'loadstart',
      'upload loadstart',
      'readystatechange 4',
      'upload error',
      'upload loadend',
      'error',
      'loadend',
    ]);
    expect(page(xhr).status).toBe(0);
    expect(page(xhr).getAllResponseHeaders()).toBe('');
  });

  it('the shopper leaves and the page aborts: the call is cancelled and abort fires once', async () => {
    const xhr = opened();
    let signal: AbortSignal | undefined;
    sendXhrThroughFetch(page(xhr), cartCall(), (request) => {
      signal = request.signal;
      return new Promise(() => undefined);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    page(xhr).abort();
    page(xhr).abort();
    expect(signal?.aborted).toBe(true);
    expect(xhr.events).toEqual(['loadstart', 'readystatechange 4', 'abort', 'loadend']);
    expect(page(xhr).readyState).toBe(0);
  });

  it('an XHR with a timeout that the API does not answer in time ends in timeout', async () => {
    vi.useFakeTimers();
    const xhr = opened();
    xhr.timeout = 1000;
    let signal: AbortSignal | undefined;
    sendXhrThroughFetch(page(xhr), cartCall(), (request) => {
      signal = request.signal;
      return new Promise(() => undefined);
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(xhr.events).toEqual(['loadstart']);
    await vi.advanceTimersByTimeAsync(1);
    expect(xhr.events).toEqual(['loadstart', 'readystatechange 4', 'timeout', 'loadend']);
    expect(signal?.aborted).toBe(true);
  });

  it('a reused object, opened again, is the browser own again and the old answer never lands', async () => {
    const xhr = opened();
    let answer: (response: Response) => void = () => undefined;
    sendXhrThroughFetch(
      page(xhr),
      cartCall(),
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    page(xhr).open('GET', `${API}/cart?again`);
    answer(Response.json({}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(xhr.reopened).toEqual([['GET', `${API}/cart?again`]]);
    expect(
      ['readyState', 'status', 'response', 'abort'].filter((name) => Object.hasOwn(xhr, name)),
    ).toEqual([]);
    expect(page(xhr).readyState).toBe(1);
    expect(xhr.events).toEqual(['loadstart']);
  });

  it('a GET sends no body, whatever the page passed to send()', async () => {
    const xhr = opened();
    const send = vi.fn(async (_request: Request) => Response.json({}));
    sendXhrThroughFetch(page(xhr), { ...cartCall(), body: 'ignored' }, send);
    await settled(xhr);
    expect(send.mock.calls[0]?.[0].body).toBeNull();
    expect(xhr.events).not.toContain('upload loadstart');
  });

  it('answers each responseType the way the browser does', async () => {
    const body = '{"total":12}';
    const read = async (type: XMLHttpRequestResponseType) => {
      const xhr = opened();
      xhr.responseType = type;
      sendXhrThroughFetch(
        page(xhr),
        cartCall(),
        async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
      );
      await settled(xhr);
      return page(xhr).response;
    };
    expect(await read('')).toBe(body);
    expect(await read('text')).toBe(body);
    expect(await read('json')).toEqual({ total: 12 });
    expect(new TextDecoder().decode(await read('arraybuffer'))).toBe(body);
    const blob = (await read('blob')) as Blob;
    expect([blob.type, await blob.text()]).toEqual(['application/json', body]);
  });
});
