import { describe, expect, it } from 'vitest';
import { API, FakeXhr, fakeAuthorizer, flush, patchedPage } from './fakePage.fixtures.js';

/** Every event the page's listeners hear on the object and its upload, as `type:readyState`. */
function listen(xhr: XMLHttpRequest): string[] {
  const heard: string[] = [];
  for (const type of ['readystatechange', 'loadstart', 'progress', 'abort', 'error', 'load']) {
    xhr.addEventListener(type, () => heard.push(`${type}:${xhr.readyState}`));
    if (type !== 'readystatechange') {
      xhr.upload.addEventListener(type, () => heard.push(`upload.${type}:${xhr.readyState}`));
    }
  }
  xhr.upload.addEventListener('loadend', () => heard.push(`upload.loadend:${xhr.readyState}`));
  xhr.addEventListener('loadend', () => heard.push(`loadend:${xhr.readyState}`));
  return heard;
}

// A browser's XHR aborted after send() fires readystatechange (4), the upload's abort and
// loadend when a body was going, abort and loadend, then reads UNSENT (checked in Chromium,
// Firefox ESR and WebKitGTK by e2e/crossBrowser/firstVisitXhrScenarios.ts). A held XHR never
// reached the page's own send(), so the patch plays that abort itself.
describe('patchApiCalls: a held XHR the page aborts', () => {
  it('a search box aborts its held GET: the page hears the abort a sent call gives, and the call is never sent', async () => {
    const { setMode, xhr } = patchedPage();
    const search = xhr();
    search.open('GET', `${API}/cart`);
    const heard = listen(search);
    const settled = new Promise((resolve) => search.addEventListener('loadend', resolve));
    search.send();
    search.abort();

    expect(heard).toEqual(['loadstart:1', 'readystatechange:4', 'abort:4', 'loadend:4']);
    expect(search.readyState).toBe(0);
    await settled;
    setMode('pass');
    await flush();
    expect(FakeXhr.sent).toEqual([]);
  });

  it('an aborted POST fires its upload events around the abort; a GET given a body fires none', () => {
    const { xhr } = patchedPage();
    const post = xhr();
    post.open('POST', `${API}/cart/line-items`);
    const heardPost = listen(post);
    post.send('{"quantity":1}');
    post.abort();
    const get = xhr();
    get.open('GET', `${API}/cart`);
    const heardGet = listen(get);
    get.send('ignored');
    get.abort();

    expect(heardPost).toEqual([
      'loadstart:1',
      'upload.loadstart:1',
      'readystatechange:4',
      'upload.abort:4',
      'upload.loadend:4',
      'abort:4',
      'loadend:4',
    ]);
    expect(heardGet).toEqual(['loadstart:1', 'readystatechange:4', 'abort:4', 'loadend:4']);
  });

  it('until the page opens it again the object is UNSENT; opened again, it is held and sent once', async () => {
    const { setMode, xhr } = patchedPage();
    const request = xhr();
    request.open('GET', `${API}/cart`);
    request.send();
    request.abort();
    expect(() => request.send()).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    expect(() => request.setRequestHeader('x-a', 'b')).toThrow(
      expect.objectContaining({ name: 'InvalidStateError' }),
    );
    // A second abort of an UNSENT object fires nothing.
    const heard = listen(request);
    request.abort();
    expect(heard).toEqual([]);

    request.open('POST', `${API}/cart/line-items`);
    // Opening an UNSENT object fires readystatechange, which the page's own, OPENED, would not.
    expect(heard).toEqual(['readystatechange:1']);
    request.setRequestHeader('content-type', 'application/json');
    request.send('{"quantity":2}');
    expect(FakeXhr.sent).toEqual([]);
    setMode('pass');
    await flush();
    expect(FakeXhr.sent).toEqual([{ xhr: request, body: '{"quantity":2}' }]);
    expect(request.readyState).toBe(1);
  });

  it('a retry that opens it again from its abort listener hears no more of the old call', async () => {
    const { setMode, xhr } = patchedPage();
    const request = xhr();
    request.open('GET', `${API}/cart?try=1`);
    const heard = listen(request);
    request.addEventListener(
      'abort',
      () => {
        request.open('GET', `${API}/cart?try=2`);
        request.send();
      },
      { once: true },
    );
    request.send();
    request.abort();

    expect(heard).toEqual(['loadstart:1', 'readystatechange:4', 'abort:4', 'readystatechange:1']);
    setMode(fakeAuthorizer().authorizer);
    setMode('pass');
    await flush();
    expect(FakeXhr.sent.map(({ xhr }) => (xhr as unknown as FakeXhr).url)).toEqual([
      `${API}/cart?try=2`,
    ]);
  });

  it('what the patch does not hold aborts as the page’s own: unsent, released, or not an API call', async () => {
    const { setMode, xhr } = patchedPage();
    // Ours: another script may have wrapped it since, and call it after the patch came off.
    const patchedAbort = FakeXhr.prototype.abort;
    const unsent = xhr();
    unsent.open('GET', `${API}/cart`);
    const other = xhr();
    other.open('GET', 'https://cdn.example.com/prices.json');
    other.send();
    const toFallback = xhr();
    toFallback.open('GET', `${API}/cart`);
    toFallback.send();
    setMode(fakeAuthorizer().authorizer);
    await flush();
    const released = xhr();
    released.open('GET', `${API}/cart`);
    setMode('pass');
    released.send();

    const requests = [unsent, other, toFallback, released];
    const heard = requests.map(listen);
    for (const request of requests) patchedAbort.call(request);
    expect(heard).toEqual([[], [], [], []]);
    expect(requests.map((each) => (each as unknown as FakeXhr).aborted)).toEqual(
      Array(4).fill(true),
    );
  });
});
