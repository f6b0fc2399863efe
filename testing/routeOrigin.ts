import type { BrowserContext } from '@playwright/test';

/**
 * Sends every request a browser context makes to `from` (an origin) to `to` instead: the page's
 * own calls and the ones the service worker re-issues with the token alike. The storefront keeps
 * its real API origin in its HTML and code; only the network answer changes.
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
  await context.route(
    (url) => url.origin === new URL(from).origin,
    async (route) => {
      const url = new URL(route.request().url());
      // Redirects go back to the browser, which follows them itself (Digital River's
      // web-checkout answers 302 to the hosted checkout, which must load at its own URL).
      const response = await route.fetch({
        url: `${to}${url.pathname}${url.search}`,
        maxRedirects: 0,
      });
      await route.fulfill({ response });
    },
  );
}
