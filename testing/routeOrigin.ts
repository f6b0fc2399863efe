import type { APIResponse, BrowserContext, Route } from '@playwright/test';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 10;

/**
 * Fetches a routed request from the emulator. A redirect that stays on the routed origin is
 * followed here, because Chromium does not route the request a fulfilled redirect leads to; a
 * redirect to any other origin goes to the browser, which follows it itself, with the headers the
 * browser (not this route) decides to send.
 */
async function fetchFromEmulator(route: Route, from: string, to: string): Promise<APIResponse> {
  let url = new URL(route.request().url());
  let method = route.request().method();
  let postData = route.request().postDataBuffer() ?? undefined;
  for (let hop = 0; ; hop++) {
    const response = await route.fetch({
      url: `${to}${url.pathname}${url.search}`,
      method,
      postData,
      maxRedirects: 0,
    });
    const location = response.headers().location;
    if (!REDIRECT_STATUSES.has(response.status()) || location === undefined) return response;
    const next = new URL(location, url);
    if (next.origin !== from || hop === MAX_HOPS) return response;
    // As the Fetch standard does: 303, and 301/302 after a POST, go on as a GET without a body.
    if (response.status() === 303 || (method === 'POST' && response.status() < 303)) {
      method = 'GET';
      postData = undefined;
    }
    url = next;
  }
}

/**
 * Sends every request a browser context makes to `from` (an origin) to `to` instead: the page's
 * own calls and the ones the service worker re-issues with the token alike. The storefront keeps
 * its real API origin in its HTML and code; only the network answer changes. A redirect within
 * `from` is followed before the answer reaches the browser (so `Response.redirected` is false); a
 * redirect to another origin reaches the browser as the real API's would.
 *
 * @param context - the browser context
 * @param from - the origin the storefront calls, such as `https://api.firmly.work`
 * @param to - the emulator's origin
 */
export async function routeOrigin(
  context: BrowserContext,
  from: string,
  to: string,
): Promise<void> {
  if (new URL(from).origin === new URL(to).origin) return;
  const origin = new URL(from).origin;
  await context.route(
    (url) => url.origin === origin,
    async (route) => {
      const response = await fetchFromEmulator(route, origin, to);
      await route.fulfill({ response });
    },
  );
}
