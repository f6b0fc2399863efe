// A storefront's first visit: the Firmly shop's tag (copied from /tag-only.html), and cart code
// that calls the API over XHR (axios, jQuery, a plain XHR) the moment the tag has run, before any
// worker controls the page: a dozen calls at once, then a dozen more within the next 300 ms.
// `window.firstVisitCalls` resolves with every call's outcome; each call's URL carries its own
// `call=` id, so the test can find it in the emulator's request log. With `?story=settings`, it
// resolves instead with what one configured XHR saw (see `settingsStory`); with `?story=abort`,
// with what the listeners of XHRs aborted just after send() heard, before control and after it
// (see `abortXhrs`); with `?story=untagged`, the tag is never added. `window.firstVisitClients`
// makes more calls with the same clients, and `window.abortXhrs` aborts more.

/** @typedef {{ status: number, body: string, events?: string[] }} CallResult */

/** @type {Record<string, (method: string, url: string, body?: string) => Promise<CallResult>>} */
const clients = {
  ...window.xhrClients,
  // Records every event it sees, so the test can tell a replayed open() or an abort from the
  // browser's own sequence.
  xhr: (method, url, body) =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      const events = [];
      for (const type of ['readystatechange', 'loadstart', 'abort', 'error', 'timeout', 'load']) {
        xhr.addEventListener(type, () => events.push(`${type}:${xhr.readyState}`));
      }
      if (body !== undefined) xhr.upload.addEventListener('loadend', () => events.push('upload'));
      xhr.open(method, url);
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.onloadend = () => resolve({ status: xhr.status, body: xhr.responseText, events });
      xhr.send(body);
    }),
};
const names = Object.keys(clients);
window.firstVisitClients = clients;

/**
 * Whether a worker controlled the page when one XHR was aborted just after its send(), then what
 * its listeners heard, as `type:readyState:status` (`upload.type:readyState` on the upload of a
 * call with a body), what the object reads once aborted, and what opening it again fires. Plain
 * page code: listeners on the object and its upload, `onloadend`. A GET gets no upload listeners:
 * Chromium fires the upload's abort and loadend for one that has them, Firefox and WebKit none.
 */
const abortOne = (method, url, body, later) => {
  const xhr = new XMLHttpRequest();
  const heard = [];
  const hear = (type) => () => heard.push(`${type}:${xhr.readyState}:${xhr.status}`);
  const types = ['loadstart', 'progress', 'abort', 'error', 'timeout', 'load', 'loadend'];
  for (const type of ['readystatechange', ...types.slice(0, -1)]) {
    xhr.addEventListener(type, hear(type));
  }
  xhr.onloadend = hear('loadend');
  for (const type of body === undefined ? [] : types) {
    xhr.upload.addEventListener(type, () => heard.push(`upload.${type}:${xhr.readyState}`));
  }
  xhr.open(method, url);
  xhr.setRequestHeader('content-type', 'application/json');
  xhr.send(body);
  const abort = () => {
    heard.unshift(`controlled:${Boolean(navigator.serviceWorker?.controller)}`);
    xhr.abort();
    heard.push(`aborted:${xhr.readyState}:${xhr.status}:${JSON.stringify(xhr.responseText)}`);
    try {
      xhr.send(body);
      heard.push('send again: sent');
    } catch (error) {
      heard.push(`send again: ${error.name}`);
    }
    xhr.open(method, url);
    heard.push(`opened again:${xhr.readyState}`);
    return heard;
  };
  return later ? new Promise((resolve) => setTimeout(() => resolve(abort()), 0)) : abort();
};

/**
 * Aborts a GET of the cart and a POST to the echo just after send(), and another GET a task
 * later (the test stalls the cart endpoint); then opens a synchronous XHR with `async` given as
 * `undefined`, and another with 0. Each URL carries `call=<prefix>-<case>`. The first two and the
 * synchronous ones run at once, so before control when called as the tag loads.
 */
window.abortXhrs = (api, prefix) => {
  const cart = (id) => `${api}/api/v2/domains/staging.luma.gift/cart?call=${prefix}-${id}`;
  const getNow = abortOne('GET', cart('get'));
  const postNow = abortOne('POST', `${api}/api/v2/echo?call=${prefix}-post`, '{"quantity":1}');
  const getLater = abortOne('GET', cart('get-later'), undefined, true);
  // An unrouted path, answered 404 at once: a stalled endpoint would hold a synchronous XHR.
  const synchronous = [undefined, 0].map((async) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', `${api}/api/v2/unrouted?call=${prefix}-sync-${async}`, async);
    xhr.send();
    return `readyState after send:${xhr.readyState}`;
  });
  return getLater.then((later) => ({ getNow, postNow, getLater: later, synchronous }));
};

window.firstVisitCalls = fetch('/tag-only.html')
  .then((response) => response.text())
  .then(
    (html) =>
      new Promise((resolve) => {
        const source = new DOMParser()
          .parseFromString(html, 'text/html')
          .querySelector('script[src$="sw-token-interceptor.js"]');
        const tag = document.createElement('script');
        for (const { name, value } of source.attributes) tag.setAttribute(name, value);
        const api = tag.getAttribute('data-api-origin');
        const calls = [];
        // One call, by `client`, with an id of its own: a GET of the cart or a POST to the echo.
        const call = (client, method, wave) => {
          const id = `${client}-${method}-${wave}`;
          const url =
            method === 'GET'
              ? `${api}/api/v2/domains/staging.luma.gift/cart?call=${id}`
              : `${api}/api/v2/echo?call=${id}`;
          const body = method === 'GET' ? undefined : JSON.stringify({ id, quantity: 1 });
          const controlled = Boolean(navigator.serviceWorker?.controller);
          calls.push(
            clients[client](method, url, body).then((result) => ({
              id,
              client,
              method,
              controlled,
              sent: body ?? null,
              ...result,
            })),
          );
        };
        // A plain XHR made as the page starts with what a client may set on it, and another the
        // page aborts at once; resolves with what the first saw when it ended.
        const settingsStory = () => {
          const controlled = Boolean(navigator.serviceWorker?.controller);
          const configured = new XMLHttpRequest();
          configured.open('GET', `${api}/api/v2/domains/staging.luma.gift/cart?call=configured`);
          Object.assign(configured, {
            withCredentials: true,
            timeout: 15000,
            responseType: 'json',
          });
          const aborted = new XMLHttpRequest();
          aborted.open('POST', `${api}/api/v2/echo?call=aborted`);
          aborted.send('{}');
          aborted.abort();
          configured.send();
          configured.onloadend = () =>
            resolve({
              controlled,
              status: configured.status,
              parsed: typeof configured.response === 'object' && configured.response !== null,
              withCredentials: configured.withCredentials,
              timeout: configured.timeout,
              responseType: configured.responseType,
            });
        };
        const story = new URLSearchParams(location.search).get('story');
        if (story === 'untagged') {
          resolve(null);
          return;
        }
        tag.onload = () => {
          if (story === 'settings') {
            settingsStory();
            return;
          }
          if (story === 'abort') {
            // Before control, then once the worker is in control.
            window
              .abortXhrs(api, 'held')
              .then((held) =>
                window.swTokenInterceptor.ready.then(() =>
                  window.abortXhrs(api, 'controlled').then((controlled) => ({ held, controlled })),
                ),
              )
              .then(resolve);
            return;
          }
          // The drop-in has just run: no worker controls this first visit, `ready` is pending.
          // A dozen scripts of the page call at once, each client with a GET and a POST twice...
          for (let i = 0; i < 12; i += 1) {
            call(names[i % names.length], i % 2 ? 'POST' : 'GET', `now${i}`);
          }
          // ...and a dozen more over the first 300 ms, while the worker takes control.
          const later = Array.from(
            { length: 12 },
            (_, i) =>
              new Promise((done) =>
                setTimeout(() => {
                  call(names[i % names.length], i % 2 ? 'GET' : 'POST', `at${i * 25}ms`);
                  done();
                }, i * 25),
              ),
          );
          Promise.all(later)
            .then(() => Promise.all(calls))
            .then(resolve);
        };
        document.head.append(tag);
      }),
  );
