import { describe, expect, it } from 'vitest';
import { API, FakeXhr, fakeAuthorizer, flush, patchedPage } from './fakePage.fixtures.js';

// Firefox decides at open() whether a worker sees an XHR: an XHR opened before the worker
// controls the page must be opened again once it does, or it goes past the worker unauthorized.
describe('patchApiCalls: XHRs opened before the worker controls the page', () => {
  it('a held XHR is opened anew when the worker takes control, its headers replayed, then sent once', async () => {
    const { setMode, xhr } = patchedPage();
    const request = xhr();
    request.open('POST', `${API}/cart/line-items`, true, 'shopper', 'secret');
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader('x-trace', 'a');
    request.send('{"quantity":1}');
    FakeXhr.steps.push('worker in control');

    setMode('pass');
    await flush();
    expect(FakeXhr.steps).toEqual([
      `open POST ${API}/cart/line-items true shopper secret`,
      'header content-type: application/json',
      'header x-trace: a',
      'worker in control',
      `open POST ${API}/cart/line-items true shopper secret`,
      'header content-type: application/json',
      'header x-trace: a',
      'send {"quantity":1}',
    ]);
    expect(FakeXhr.sent).toHaveLength(1);
  });

  it('what the page set on the object before control is still set when it goes out', async () => {
    const { setMode, xhr } = patchedPage();
    const request = xhr();
    request.open('GET', `${API}/cart`);
    Object.assign(request, { withCredentials: true, timeout: 3000, responseType: 'json' });
    request.send();

    setMode('pass');
    await flush();
    expect(FakeXhr.sent.map(({ xhr }) => xhr)).toEqual([request]);
    expect(request).toMatchObject({ withCredentials: true, timeout: 3000, responseType: 'json' });
  });

  it('an XHR opened before control and sent after it is opened anew as control comes', () => {
    const { setMode, original, xhr } = patchedPage();
    const request = xhr();
    request.open('PUT', `${API}/cart/line-items/1`);
    request.setRequestHeader('content-type', 'application/json');
    FakeXhr.steps.push('worker in control');
    setMode('pass');
    // The page's own methods are back: the page sends it itself, after control.
    expect(FakeXhr.prototype.send).toBe(original.send);
    request.send('{"quantity":2}');
    expect(FakeXhr.steps.slice(2)).toEqual([
      'worker in control',
      `open PUT ${API}/cart/line-items/1 true`,
      'header content-type: application/json',
      'send {"quantity":2}',
    ]);
    expect((request as unknown as FakeXhr).headers).toEqual([['content-type', 'application/json']]);
  });

  it('a relative URL is opened anew where it first resolved, though the page moved since', async () => {
    const { win, setMode, xhr } = patchedPage(['https://shop.example.com']);
    const request = xhr();
    request.open('GET', 'api/cart');
    request.send();
    // A single-page app moves with pushState while the call is held.
    Object.assign(win.document, { baseURI: 'https://shop.example.com/account/orders/' });

    setMode('pass');
    await flush();
    expect((request as unknown as FakeXhr).url).toBe('https://shop.example.com/api/cart');
  });

  it('what is not ours to send is not opened again: calls to other origins, synchronous XHRs, aborted ones, those the fallback took', async () => {
    const { setMode, xhr } = patchedPage();
    const { authorizer, xhrs } = fakeAuthorizer();
    const other = xhr();
    other.open('GET', 'https://cdn.example.com/prices.json');
    const sync = xhr();
    sync.open('GET', `${API}/cart`, false);
    const aborted = xhr();
    aborted.open('POST', `${API}/cart/line-items`);
    aborted.send('{}');
    aborted.abort();
    const abortedUnsent = xhr();
    abortedUnsent.open('GET', `${API}/cart`);
    abortedUnsent.abort();
    const toFallback = xhr();
    toFallback.open('GET', `${API}/cart`);
    toFallback.send();
    FakeXhr.steps.push('armed');

    setMode(authorizer);
    await flush();
    setMode('pass');
    await flush();
    expect(FakeXhr.steps.at(-1)).toBe('armed');
    expect(xhrs.map(({ xhr }) => xhr)).toEqual([toFallback]);
  });

  it('an XHR opened while the fallback served is opened anew when the worker arrives', () => {
    const { setMode, xhr } = patchedPage();
    setMode(fakeAuthorizer().authorizer);
    const request = xhr();
    request.open('DELETE', `${API}/cart/line-items/1`);
    FakeXhr.steps.push('worker in control');
    setMode('pass');
    expect(FakeXhr.steps).toEqual([
      `open DELETE ${API}/cart/line-items/1 true`,
      'worker in control',
      `open DELETE ${API}/cart/line-items/1 true`,
    ]);
  });
});
