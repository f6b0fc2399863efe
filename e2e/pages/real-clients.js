// A storefront whose cart code uses real HTTP clients, with no auth code. The tag is added with
// the attributes in the query string; the moment it has run, before `ready`, each client makes a
// first call (`window.earlyCalls`). `window.callWith[client](method, url, body)` makes more.
import ky from '/ky/distribution/index.js';

/** @typedef {{ status: number, body: string }} CallResult */

const json = { 'content-type': 'application/json' };

/** @type {Record<string, (method: string, url: string, body?: string) => Promise<CallResult>>} */
const callWith = {
  ...window.xhrClients,
  superagent: (method, url, body) =>
    window
      .superagent(method, url)
      .set(json)
      .send(body)
      .ok(() => true)
      .then(
        (response) => ({ status: response.status, body: response.text }),
        (error) => ({ status: error.status ?? 0, body: String(error.message) }),
      ),
  ky: (method, url, body) =>
    ky(url, { method, body, headers: json, throwHttpErrors: false, retry: 0, timeout: false }).then(
      async (response) => ({ status: response.status, body: await response.text() }),
      (error) => ({ status: 0, body: String(error.name) }),
    ),
  xhr: (method, url, body) =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.onloadend = () => resolve({ status: xhr.status, body: xhr.responseText });
      xhr.send(body);
    }),
};
window.callWith = callWith;

const params = new URLSearchParams(location.search);
const tag = document.createElement('script');
tag.src = '/sw-token-interceptor.js';
for (const [name, value] of params) {
  if (name !== 'early') tag.setAttribute(`data-${name}`, value);
}
const early = params.get('early');
window.earlyCalls = new Promise((resolve) => {
  // The drop-in has just run: no worker controls this first visit yet, and `ready` is pending.
  tag.onload = () => {
    const controlledWhenMade = Boolean(navigator.serviceWorker?.controller);
    const calls = Object.entries(callWith).map(([client, call]) =>
      call('GET', early).then((result) => ({ client, ...result })),
    );
    Promise.all(calls).then((results) => resolve({ controlledWhenMade, results }));
  };
});
document.head.append(tag);
