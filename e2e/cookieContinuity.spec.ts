import { startStorefront } from '../demo/storefrontServer';
import { APP_ID, distDir, expect, test } from './fixtures';
import { pageFetch } from './pageCalls';

// Firmly's documented `fsession_v2` cookie, sent by a credentialed browser-session call.
const CART = '/api/v1/domains/staging.luma.gift/cart';

test('a shopper whose browser lost its IndexedDB but kept the API cookie keeps the device and cart', async ({
  firmly,
  browser,
}) => {
  // The shop on the API's site (127.0.0.1): the emulator speaks plain HTTP, where a browser keeps
  // no `Secure` cookie, so its cookie is `SameSite=Lax` and travels within one site only.
  const shop = await startStorefront({
    host: '127.0.0.1',
    apiOrigin: firmly.origin,
    appId: APP_ID,
    distDir,
  });
  const visit = await browser.newContext();
  const comeback = await browser.newContext();
  try {
    const page = await visit.newPage();
    await page.goto(`${shop.origin}/tag-only.html`);
    const added = await pageFetch(
      page,
      `${firmly.origin}${CART}/line-items/luma-mug-aurora/quantity/1`,
      {
        method: 'POST',
      },
    );
    expect(added.status).toBe(200);
    const first = await page.evaluate(() => window.swTokenInterceptor?.session());
    // The same browser profile's cookies, and none of its IndexedDB (nor its worker).
    await comeback.addCookies((await visit.storageState()).cookies);
    expect((await comeback.cookies()).map((cookie) => cookie.name)).toEqual(['fsession_v2']);
    const again = await comeback.newPage();
    await again.goto(`${shop.origin}/tag-only.html`);
    const cart = await pageFetch(again, `${firmly.origin}${CART}`);
    expect(cart.status).toBe(200);
    expect(JSON.parse(cart.body).line_items).toHaveLength(1);
    expect(await again.evaluate(() => window.swTokenInterceptor?.session())).toMatchObject({
      deviceId: first?.deviceId,
      deviceCreated: false,
    });
    expect(firmly.counters).toMatchObject({ devicesCreated: 1, renewals: 1 });
  } finally {
    await Promise.all([visit.close(), comeback.close()]);
    await shop.close();
  }
});

test('where the cookie cannot come back (another site, third-party cookies blocked), a lost IndexedDB means a new device', async ({
  openShop,
  firmly,
  browser,
}) => {
  const { origin, page } = await openShop({ path: '/tag-only.html' });
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  const fresh = await browser.newContext();
  try {
    const again = await fresh.newPage();
    await again.goto(`${origin}/tag-only.html`);
    expect((await pageFetch(again, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(firmly.counters).toMatchObject({ devicesCreated: 2, renewals: 0 });
  } finally {
    await fresh.close();
  }
});
