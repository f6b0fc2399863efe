import { expect, test } from './fixtures';
import { pageFetch } from './pageCalls';

// The api-key mode's stories in every engine are in e2e/crossBrowser/apiKeyScenarios.ts; these
// are the tag's own: what a storefront engineer writes, and what a mistake in it gives.

const CART = '/v1/shoppers/me/carts/active?format=json';

test('data-token-via="oauth" is the default, spelled out: SessionToken without the key, then the exchange', async ({
  openDrShop,
  digitalRiver,
}) => {
  const page = await openDrShop({ attributes: { 'data-token-via': 'oauth' } });
  expect((await pageFetch(page, `${digitalRiver.apiOrigin}${CART}`)).status).toBe(200);
  expect(digitalRiver.counters).toMatchObject({ sessionToken: 1, passwordGrants: 1 });
  const store = digitalRiver.requestLog.filter((entry) => entry.origin === 'store');
  expect(store.map((entry) => entry.path.includes('apiKey'))).toEqual([false]);
  // The worker reads its configuration from its URL, which names the mode.
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(new URL(scriptURL ?? 'about:blank').searchParams.get('tokenVia')).toBe('oauth');
});

for (const [what, attributes, apiKey, named] of [
  ['a value it does not know', { 'data-token-via': 'apikey' }, undefined, 'data-token-via'],
  ['api-key without a key', { 'data-token-via': 'api-key' }, null, 'data-api-key'],
] as const) {
  test(`data-token-via with ${what} logs ConfigInvalid naming ${named}, and registers no worker`, async ({
    openDrShop,
    consoleLines,
    digitalRiver,
  }) => {
    const page = await openDrShop({ attributes, ...(apiKey === null ? { apiKey } : {}) });
    const error = await page.evaluate(() =>
      window.swTokenInterceptor?.ready.then(
        () => null,
        (e: { code: string }) => e.code,
      ),
    );
    expect(error).toBe('ConfigInvalid');
    expect(consoleLines.join('\n')).toMatch(new RegExp(`ConfigInvalid: .*${named}`));
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)),
    ).toBe(0);
    expect(digitalRiver.counters.sessionToken).toBe(0);
  });
}

test('a storefront’s own worker with tokenVia api-key has the page run SessionToken with its key, whatever the tag says', async ({
  openShop,
  digitalRiver,
}) => {
  const query = new URLSearchParams({
    store: digitalRiver.storeOrigin,
    api: digitalRiver.apiOrigin,
  });
  const { page } = await openShop({ testPages: true, path: `/own-dr-sw.html?${query}` });
  // The page adds the tag itself: wait for it to run, then for the storefront's worker.
  await page.waitForFunction(() => window.swTokenInterceptor !== undefined);
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  expect((await pageFetch(page, `${digitalRiver.apiOrigin}${CART}`)).status).toBe(200);
  const store = digitalRiver.requestLog.filter((entry) => entry.origin === 'store');
  expect(
    store.map((entry) => new URL(entry.path, 'http://store.invalid').searchParams.get('apiKey')),
  ).toEqual(['demo-public-key']);
  expect(digitalRiver.counters).toMatchObject({ sessionToken: 1, passwordGrants: 0 });
});
