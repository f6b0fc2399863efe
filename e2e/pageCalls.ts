import type { Page } from '@playwright/test';

/** What a page's own call got back. */
export interface CallResult {
  status: number;
  body: string;
}

/**
 * Makes a call with the page's own plain `fetch`, with no auth code, as a storefront does.
 *
 * @returns its status and body
 */
export function pageFetch(page: Page, url: string, init: RequestInit = {}): Promise<CallResult> {
  return page.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, init);
      return { status: response.status, body: await response.text() };
    },
    { url, init },
  );
}

/**
 * Makes `count` calls at once from the page.
 *
 * @returns their statuses
 */
export function pageFetchMany(page: Page, url: string, count: number): Promise<number[]> {
  return page.evaluate(
    ({ url, count }) =>
      Promise.all(Array.from({ length: count }, () => fetch(url).then((r) => r.status))),
    { url, count },
  );
}

/** Stops every service worker of the browser, as the browser does to idle ones. */
export async function stopAllWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
