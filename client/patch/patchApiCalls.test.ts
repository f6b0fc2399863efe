import { describe, expect, it, vi } from 'vitest';
import { API, FakeXhr, fakeAuthorizer, fakePage, flush, patchedPage } from './fakePage.fixtures.js';
import { patchApiCalls } from './patchApiCalls.js';

describe('patchApiCalls', () => {
  it('a cart call made before the page is ready waits; a call to another origin does not', async () => {
    const { win, setMode, pageFetch } = patchedPage();
    let answered = false;
    const cart = win.fetch(`${API}/cart`).then((response) => {
      answered = true;
      return response;
    });
    await win.fetch('https://cdn.example.com/logo.png');
    await flush();
    expect(answered).toBe(false);
    expect(pageFetch).toHaveBeenCalledTimes(1);

    setMode('pass');
    expect(await (await cart).json()).toEqual({ via: 'page' });
    expect(pageFetch).toHaveBeenCalledTimes(2);
    expect((pageFetch.mock.calls[1]?.[0] as Request | undefined)?.url).toBe(`${API}/cart`);
  });

  it('the worker takes control: held calls go out as made, and the page gets its own fetch and XHR back', async () => {
    const { win, setMode, pageFetch, original, xhr } = patchedPage();
    const request = xhr();
    request.open('POST', `${API}/cart/line-items`);
    request.setRequestHeader('content-type', 'application/json');
    request.send('{"quantity":1}');
    expect(FakeXhr.sent).toHaveLength(0);

    setMode('pass');
    await flush();
    expect(FakeXhr.sent).toEqual([{ xhr: request, body: '{"quantity":1}' }]);
    expect(win.fetch).toBe(pageFetch);
    expect(FakeXhr.prototype.open).toBe(original.open);
    expect(FakeXhr.prototype.setRequestHeader).toBe(original.setRequestHeader);
    expect(FakeXhr.prototype.send).toBe(original.send);
    expect(FakeXhr.prototype.abort).toBe(original.abort);
  });

  it('the fallback arms: held fetch and XHR calls go to it in the order they were made, headers and body included', async () => {
    const { win, setMode, xhr } = patchedPage();
    const { authorizer, fetched, xhrs } = fakeAuthorizer();
    const first = win.fetch(`${API}/cart`);
    const request = xhr();
    request.open('put', '/relative-is-the-page-origin');
    request.open('put', `${API}/cart/line-items/1`);
    request.setRequestHeader('content-type', 'application/json');
    request.send('{"quantity":2}');

    setMode(authorizer);
    expect(await (await first).json()).toEqual({ via: 'fallback' });
    await flush();
    expect(fetched.map((r) => r.url)).toEqual([`${API}/cart`]);
    expect(xhrs.map(({ xhr, call }) => [xhr, call])).toEqual([
      [
        request,
        {
          method: 'put',
          url: `${API}/cart/line-items/1`,
          headers: [['content-type', 'application/json']],
          body: '{"quantity":2}',
        },
      ],
    ]);
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('while armed, calls made later go to the fallback at once; the page never sends them itself', async () => {
    const { win, setMode, pageFetch, xhr } = patchedPage();
    const { authorizer, fetched, xhrs } = fakeAuthorizer();
    setMode(authorizer);
    await win.fetch(new Request(`${API}/cart`, { method: 'DELETE' }));
    const request = xhr();
    request.open('GET', `${API}/cart`);
    request.send();
    expect(fetched.map((r) => r.method)).toEqual(['DELETE']);
    expect(xhrs[0]?.call).toEqual({ method: 'GET', url: `${API}/cart`, headers: [], body: null });
    expect(pageFetch).not.toHaveBeenCalled();
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('the worker arrives after the fallback armed: the fallback steps aside and the patch comes off', async () => {
    const { win, setMode, pageFetch, original, xhr } = patchedPage();
    const { authorizer, fetched } = fakeAuthorizer();
    setMode(authorizer);
    setMode('pass');
    await win.fetch(`${API}/cart`);
    const request = xhr();
    request.open('GET', `${API}/cart`);
    request.send();
    expect(fetched).toHaveLength(0);
    expect(pageFetch).toHaveBeenCalledTimes(1);
    expect(FakeXhr.sent).toHaveLength(1);
    expect(FakeXhr.prototype.send).toBe(original.send);
  });

  it('a held XHR the page aborts, or opens again, is never sent', async () => {
    const { setMode, xhr } = patchedPage();
    const { authorizer, xhrs } = fakeAuthorizer();
    const aborted = xhr();
    aborted.open('POST', `${API}/cart/line-items`);
    aborted.send('{}');
    aborted.abort();
    const reopened = xhr();
    reopened.open('POST', `${API}/cart/line-items`);
    reopened.send('{"first":true}');
    reopened.open('GET', `${API}/cart`);
    reopened.send();

    setMode(authorizer);
    await flush();
    expect((aborted as unknown as FakeXhr).aborted).toBe(true);
    expect(xhrs.map(({ xhr, call }) => [xhr, call.method])).toEqual([[reopened, 'GET']]);
  });

  it('a held fetch whose signal aborts is rejected, never sent', async () => {
    const { win, setMode, pageFetch } = patchedPage();
    const controller = new AbortController();
    const call = win.fetch(`${API}/cart`, { signal: controller.signal });
    controller.abort();
    setMode('pass');
    await call.catch(() => undefined);
    // The page's own fetch is handed the aborted request, and a browser rejects it unsent.
    expect((pageFetch.mock.calls[0]?.[0] as Request | undefined)?.signal.aborted).toBe(true);
  });

  it('synchronous XHRs and no-cors fetches go out as the page made them, held or armed', async () => {
    const { win, setMode, pageFetch, xhr } = patchedPage();
    const sync = xhr();
    sync.open('GET', `${API}/cart`, false);
    sync.send();
    expect(FakeXhr.sent).toHaveLength(1);

    const { authorizer, fetched } = fakeAuthorizer();
    setMode(authorizer);
    await win.fetch(`${API}/pixel`, { mode: 'no-cors' });
    expect(fetched).toHaveLength(0);
    expect(pageFetch).toHaveBeenCalledTimes(1);
  });

  it('an XHR opened with async given as undefined or 0 is synchronous, as the browser makes it: it goes out at once', () => {
    const { xhr } = patchedPage();
    const calls = [undefined, 0, true].map((async) => {
      const request = xhr();
      request.open('GET', `${API}/cart`, async as boolean);
      request.send();
      return request;
    });
    // Chromium, Firefox ESR and WebKitGTK make `undefined`, 0, null and '' synchronous.
    expect(FakeXhr.sent.map(({ xhr }) => xhr)).toEqual(calls.slice(0, 2));
  });

  it('with a keepalive sender, keepalive cart calls go to it, held or passed; every other call goes as made', async () => {
    const { win, pageFetch, original, restore } = fakePage();
    const handed: { request: Request; body: BodyInit | null | undefined }[] = [];
    const setMode = patchApiCalls(win, [API], async (request, body) => {
      handed.push({ request, body });
      return Response.json({ via: 'worker' });
    });
    const held = win.fetch(`${API}/cart`, { method: 'POST', body: 'held', keepalive: true });
    setMode('pass');
    await expect((await held).json()).resolves.toEqual({ via: 'worker' });

    // The fetch wrapper stays for the page's life; the XHR methods go back.
    expect(win.fetch).not.toBe(pageFetch);
    expect(FakeXhr.prototype.send).toBe(original.send);
    const leaving = new Request(`${API}/cart`, { method: 'POST', body: 'bye', keepalive: true });
    await win.fetch(leaving);
    await win.fetch(`${API}/cart`);
    await win.fetch('https://analytics.example.net/beacon', { method: 'POST', keepalive: true });
    expect(handed.map(({ request, body }) => [request.url, request.keepalive, body])).toEqual([
      [`${API}/cart`, true, 'held'],
      [`${API}/cart`, true, undefined],
    ]);
    expect(pageFetch.mock.calls.map(([input]) => String(input))).toEqual([
      `${API}/cart`,
      'https://analytics.example.net/beacon',
    ]);
    restore();
  });

  it('a script that wrapped fetch after us keeps its wrapper when the patch comes off', async () => {
    const { win, setMode } = patchedPage();
    const theirs = vi.fn(win.fetch);
    win.fetch = theirs;
    setMode('pass');
    expect(win.fetch).toBe(theirs);
  });
});
