// The HTTP clients a storefront's cart code calls over XHR, as the test pages use them: each makes
// one call and resolves with what it got, whatever the status. In a block, so that its names
// stay out of the pages' own scripts.

/** @typedef {{ status: number, body: string }} CallResult */

{
  const json = { 'content-type': 'application/json' };
  const text = (data) => (typeof data === 'string' ? data : JSON.stringify(data));

  /**
   * axios and jQuery, from the builds the page loaded before this script.
   *
   * @type {Record<string, (method: string, url: string, body?: string) => Promise<CallResult>>}
   */
  window.xhrClients = {
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
  };
}
