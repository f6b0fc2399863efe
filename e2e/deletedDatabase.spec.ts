import type { Page } from '@playwright/test';
import { DB_NAME } from '../core/session/tokenStore.js';
import { CART, expect, test } from './fixtures.js';
import { stopAllWorkers } from './pageCalls.js';

/**
 * A cart call from the page, given up on (as `'hung'`) after `ms`, so a hang fails the test
 * with a reason rather than its timeout.
 */
function cartCall(page: Page, url: string, ms: number): Promise<number | 'hung'> {
  return page.evaluate(
    ({ url, ms }) =>
      Promise.race([
        fetch(url).then((response) => response.status),
        new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms)),
      ]),
    { url, ms },
  );
}

/** The storefront's "clear everything" routine: it deletes every database, ours included. */
function clearEverything(page: Page): Promise<'deleted' | 'blocked'> {
  return page.evaluate(
    (name) =>
      new Promise<'deleted' | 'blocked'>((resolve) => {
        const deletion = indexedDB.deleteDatabase(name);
        deletion.onsuccess = () => resolve('deleted');
        deletion.onblocked = () => resolve('blocked');
      }),
    DB_NAME,
  );
}

test.describe('a storefront that deletes our database while a tab holds it open', () => {
  test('a tab on the in-page fallback lets go: after the worker restarts, calls are answered', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { origin, page: fallbackTab } = await openShop({
      path: '/fallback-tab.html',
      testPages: true,
    });
    await fallbackTab.waitForFunction(() => window.swTokenInterceptor);
    await fallbackTab.evaluate(() => window.swTokenInterceptor?.ready);
    expect(await cartCall(fallbackTab, `${firmly.origin}${CART}`, 10_000)).toBe(200);
    expect(await fallbackTab.evaluate(() => window.swTokenInterceptor?.session())).toMatchObject({
      path: 'page',
    });

    const workerTab = await context.newPage();
    await workerTab.goto(`${origin}/tag-only.html`);
    await workerTab.evaluate(() => window.swTokenInterceptor?.ready);
    expect(await cartCall(workerTab, `${firmly.origin}${CART}`, 10_000)).toBe(200);

    expect(await clearEverything(workerTab)).toBe('deleted');
    await stopAllWorkers(workerTab);
    expect(await cartCall(workerTab, `${firmly.origin}${CART}`, 10_000)).toBe(200);
    expect(await cartCall(fallbackTab, `${firmly.origin}${CART}`, 10_000)).toBe(200);
  });

  test('a connection that never closes (a tab of an older build): calls are answered within the store’s bound', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { origin, page: workerTab } = await openShop({ path: '/tag-only.html' });
    await workerTab.evaluate(() => window.swTokenInterceptor?.ready);
    expect(await cartCall(workerTab, `${firmly.origin}${CART}`, 10_000)).toBe(200);

    const olderTab = await context.newPage();
    await olderTab.goto(`${origin}/blank.html`);
    await olderTab.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = request.result;
            resolve(undefined);
          };
          request.onerror = () => reject(request.error);
        }),
      DB_NAME,
    );

    expect(await clearEverything(workerTab)).toBe('blocked');
    await stopAllWorkers(workerTab);
    const started = Date.now();
    expect(await cartCall(workerTab, `${firmly.origin}${CART}`, 15_000)).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Once the old tab goes, the deletion completes and the store is back.
    await olderTab.close();
    expect(await cartCall(workerTab, `${firmly.origin}${CART}`, 10_000)).toBe(200);
  });
});
