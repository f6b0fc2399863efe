// A storefront's first visit: the Firmly shop's tag (copied from /tag-only.html), and cart code
// that calls the API over XHR (axios, jQuery, a plain XHR) the moment the tag has run, before any
// worker controls the page: a dozen calls at once, then a dozen more within the next 300 ms.
// `window.firstVisitCalls` resolves with every call's outcome; each call's URL carries its own
// `call=` id, so the test can find it in the emulator's request log. With `?story=settings`, it
// resolves instead with what one configured XHR saw (see `settingsStory`). `window.firstVisitClients`
// makes more calls with the same clients.

/** @typedef {{ status: number, body: string, events?: string[] }} CallResult */

const json = { 'content-type': 'application/json' };
const text = (data) => (typeof data === 'string' ? data : JSON.stringify(data));

/** @type {Record<string, (method: string, url: string, body?: string) => Promise<CallResult>>} */
const clients = {
  axios: (method, url, body) =>
    window.axios({ method, url, data: body, headers: json, validateStatus: () => true }).then(
      (response) => ({ status: response.status, body: text(response.data) }),
      (error) => ({ status: error.response?.status ?? 0, body: String(error.code) }),
    ),
  jquery: (method, url, body) =>
    new Promise((resolve) => {
      window.jQuery
        .ajax({ method, url, data: body, contentType: 'application/json', dataType: 'text' })
        .always((a, _status, c) => {
          const xhr = a && typeof a.status === 'number' ? a : c;
          resolve({ status: xhr.status, body: xhr.responseText ?? '' });
        });
    }),
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
        tag.onload = () => {
          if (new URLSearchParams(location.search).get('story') === 'settings') {
            settingsStory();
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
