import type { Page } from '@playwright/test';
import type { DigitalRiverEmulator } from '../testing/emulator/digitalRiver/digitalRiverEmulator.js';
import { addToCartInDemoShop } from './addToCartInDemoShop';
import {
  test as base,
  DR_API_KEY,
  DR_SITE_ID,
  expect,
  CART as FIRMLY_CART,
  pageEvents,
} from './fixtures';
import { movableClockDist } from './movableClockDist';
import { pageFetch, pageFetchMany } from './pageCalls';
import { passTime } from './passTime';
import { twoCallsAnsweredWith } from './twoCallsAnsweredWith';

const CART = '/v1/shoppers/me/carts/active?format=json';
const ECHO = '/v1/shoppers/me/echo';

const test = base.extend<{
  dr: DigitalRiverEmulator;
  /** Opens the tag-only page and makes one cart call there, which must be authorized. */
  openDrSession: (options?: { distDir?: string }) => Promise<Page>;
}>({
  digitalRiverSiteId: [DR_SITE_ID, { scope: 'worker' }],
  digitalRiverApiKeys: [[DR_API_KEY], { scope: 'worker' }],
  // The emulator of the fixture storefront teams use, under a shorter name.
  dr: async ({ digitalRiver }, use) => {
    await use(digitalRiver);
  },
  openDrSession: async ({ openDrShop, dr }, use) => {
    await use(async (options = {}) => {
      const page = await openDrShop(options);
      expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(200);
      return page;
    });
  },
});

/** Waits until the page's session events are these, one a session: from a new device or not. */
async function expectSessionsFromNewDevices(page: Page, created: boolean[]): Promise<void> {
  await expect
    .poll(() => pageEvents(page, 'session'))
    .toEqual(created.map((deviceCreated) => expect.objectContaining({ deviceCreated })));
}

test('the first call is authorized: SessionToken in the page, the exchange in the worker', async ({
  openDrShop,
  dr,
}) => {
  const page = await openDrShop();
  const result = await pageFetch(page, `${dr.apiOrigin}${CART}`);
  expect(result.status).toBe(200);
  expect(JSON.parse(result.body)).toHaveProperty('cart');
  expect(dr.counters).toMatchObject({
    sessionToken: 1,
    passwordGrants: 1,
    unauthorized: 0,
    storeRequestsWithAuth: 0,
  });
  expect(await page.evaluate(() => window.swTokenInterceptor?.session())).toMatchObject({
    provider: 'digitalriver',
    path: 'worker',
    deviceCreated: true,
  });
});

test('every oauth20/token call identifies the client with the API key, and SessionToken carries none', async ({
  openDrSession,
  dr,
}) => {
  const page = await openDrSession();
  dr.expireAccessTokens();
  expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(200);
  const tokenCalls = dr.requestLog.filter((entry) => entry.path === '/oauth20/token');
  expect(tokenCalls.map((entry) => entry.body.split('&')[0])).toEqual([
    'grant_type=password',
    'grant_type=refresh_token',
  ]);
  expect(tokenCalls.every((entry) => entry.hasAuth)).toBe(true);
  expect(dr.counters).toMatchObject({ clientRejected: 0, passwordGrants: 1, refreshGrants: 1 });
  const store = dr.requestLog.filter((entry) => entry.origin === 'store');
  expect(store.every((entry) => !entry.path.includes('apiKey'))).toBe(true);
});

test('without data-api-key, the exchange is refused as invalid_client: InvalidApiKey once, never TokenExpired', async ({
  openDrShop,
  dr,
}) => {
  const page = await openDrShop({ apiKey: null });
  const result = await pageFetch(page, `${dr.apiOrigin}${CART}`);
  expect(result.status).toBe(503);
  expect(JSON.parse(result.body)).toMatchObject({ error: 'InvalidApiKey' });
  expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(503);
  await expect
    .poll(() => pageEvents(page, 'error'))
    .toEqual([
      expect.objectContaining({
        code: 'InvalidApiKey',
        message: expect.stringContaining('set data-api-key'),
      }),
    ]);
  expect(dr.counters).toMatchObject({ sessionToken: 1, clientRejected: 1, cartCalls: 0 });
});

test('20 concurrent calls at expiry cause exactly one refresh', async ({ openDrSession, dr }) => {
  const page = await openDrSession({ distDir: movableClockDist() });
  // The token lives a day less three seconds: two minutes before its end it is due for refresh.
  const later = 24 * 3600_000 - 120_000;
  await passTime(page, later, dr);
  const statuses = await pageFetchMany(page, `${dr.apiOrigin}${CART}`, 20);
  expect(statuses).toEqual(Array(20).fill(200));
  expect(dr.counters).toMatchObject({
    refreshGrants: 1,
    refreshRejected: 0,
    sessionToken: 1,
    unauthorized: 0,
  });
  const sessions = (await pageEvents(page, 'session')) as {
    deviceId: string;
    deviceCreated: boolean;
  }[];
  expect(sessions.at(-1)).toMatchObject({ deviceId: sessions[0]?.deviceId, deviceCreated: false });
});

test('20 concurrent calls whose token the API refuses cause exactly one refresh', async ({
  openDrSession,
  dr,
}) => {
  const page = await openDrSession();
  dr.expireAccessTokens();
  const statuses = await pageFetchMany(page, `${dr.apiOrigin}${CART}`, 20);
  expect(statuses).toEqual(Array(20).fill(200));
  expect(dr.counters).toMatchObject({ refreshGrants: 1, refreshRejected: 0, sessionToken: 1 });
});

test('a refused refresh token: the stored session token is exchanged again, and the shopper keeps the cart', async ({
  openDrShop,
  dr,
}) => {
  const page = await openDrShop();
  const added = await pageFetch(
    page,
    `${dr.apiOrigin}/v1/shoppers/me/carts/active/line-items?productId=luma-mug-aurora&quantity=1&format=json`,
    { method: 'POST' },
  );
  expect(added.status).toBe(200);
  dr.revokeRefreshTokens();
  dr.expireAccessTokens();
  const body = '{"note":"gift"}';
  const result = await pageFetch(page, `${dr.apiOrigin}${ECHO}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(result.status).toBe(200);
  expect(JSON.parse(result.body)).toMatchObject({ body });
  expect(dr.counters).toMatchObject({ sessionToken: 1, passwordGrants: 2, refreshRejected: 1 });
  const cart = JSON.parse((await pageFetch(page, `${dr.apiOrigin}${CART}`)).body);
  expect(cart.cart.totalItemsInCart).toBe(1);
  await expectSessionsFromNewDevices(page, [true, false]);
});

test('when the session token is refused too, SessionToken runs again in the page, and the call succeeds', async ({
  openDrSession,
  dr,
}) => {
  const page = await openDrSession();
  dr.revokeRefreshTokens();
  dr.revokeSessionTokens();
  dr.expireAccessTokens();
  expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(200);
  expect(dr.counters).toMatchObject({ sessionToken: 2, passwordGrants: 3, refreshRejected: 1 });
  await expectSessionsFromNewDevices(page, [true, true]);
});

test('a 401 without CORS headers (a network error to the page) renews the token: a GET is replayed, a POST is not', async ({
  openDrSession,
  dr,
}) => {
  const page = await openDrSession();
  dr.setCors({ omitOnUnauthorized: true });
  dr.expireAccessTokens();
  expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(200);
  expect(dr.counters).toMatchObject({ refreshGrants: 1, unauthorized: 1 });

  dr.expireAccessTokens();
  const post = () =>
    page.evaluate(
      (url) =>
        fetch(url, { method: 'POST', body: 'x' }).then(
          (response) => String(response.status),
          (error: Error) => error.name,
        ),
      `${dr.apiOrigin}${ECHO}`,
    );
  // The POST may have been acted on, so it is not sent again; the page sees its network error…
  expect(await post()).toBe('TypeError');
  expect(dr.counters).toMatchObject({ refreshGrants: 2, unauthorized: 2 });
  // …and its own retry goes out with the renewed token.
  expect(await post()).toBe('200');
});

test('nothing is sent with a token to the store origin or to a third origin', async ({
  openDrSession,
  dr,
  firmly,
}) => {
  const page = await openDrSession();
  // The store answers scripts, not CORS: an opaque request, as a page's own script tag would make.
  await pageFetch(page, `${dr.storeOrigin}/store/${DR_SITE_ID}/SessionToken?format=json`, {
    mode: 'no-cors',
  });
  // The Firmly emulator stands in for any third origin: its log records whether auth arrived.
  await pageFetch(page, `${firmly.origin}/api/v2/echo`, { method: 'POST', body: 'x' });
  expect(dr.counters.storeRequestsWithAuth).toBe(0);
  expect(firmly.requestLog.map((entry) => entry.hasAuth)).toEqual([false]);
  expect(
    dr.requestLog.filter((entry) => entry.origin === 'store').every((entry) => !entry.hasAuth),
  ).toBe(true);
});

test('an invalid API key gives an InvalidApiKey error once, and calls get an answer', async ({
  openDrShop,
  dr,
}) => {
  const page = await openDrShop({ apiKey: 'not-a-key' });
  await twoCallsAnsweredWith(page, `${dr.apiOrigin}${CART}`, 503, 'InvalidApiKey');
  expect(await pageEvents(page, 'error')).toEqual([
    expect.objectContaining({ code: 'InvalidApiKey' }),
  ]);
  expect(dr.counters).toMatchObject({ sessionToken: 1, cartCalls: 0 });
});

test('the Digital River demo shop adds to cart with no auth code in the page', async ({
  openDrShop,
  dr,
}) => {
  const page = await openDrShop({ path: '/digitalriver.html' });
  await addToCartInDemoShop(page);
  expect(dr.counters.unauthorized).toBe(0);
});

test.describe('where workers are blocked', () => {
  test.use({ serviceWorkers: 'block' });

  test('the page fallback runs SessionToken itself', async ({ openDrShop, dr }) => {
    const page = await openDrShop();
    expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(200);
    expect(
      await page.evaluate(() => window.swTokenInterceptor?.session().then((s) => s.path)),
    ).toBe('page');
    expect(dr.counters).toMatchObject({ sessionToken: 1, passwordGrants: 1, unauthorized: 0 });
  });
});

test('switching from the Firmly shop to the Digital River shop on one origin: the new worker takes over at once', async ({
  openDrShop,
  dr,
  firmly,
  page,
}) => {
  await openDrShop();
  const origin = new URL(page.url()).origin;
  // The Firmly page's worker controls the origin first.
  await page.goto(`${origin}/tag-only.html`);
  expect((await pageFetch(page, `${firmly.origin}${FIRMLY_CART}`)).status).toBe(200);
  // Then the Digital River page registers its own configuration, with no reload in between.
  await page.goto(`${origin}/digitalriver-tag-only.html`);
  expect((await pageFetch(page, `${dr.apiOrigin}${CART}`)).status).toBe(200);
  expect(dr.counters.unauthorized).toBe(0);
  await page.goto(`${origin}/tag-only.html`);
  expect((await pageFetch(page, `${firmly.origin}${FIRMLY_CART}`)).status).toBe(200);
  expect(firmly.counters.unauthorized).toBe(0);
});
