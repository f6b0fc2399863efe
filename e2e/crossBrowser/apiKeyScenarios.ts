import { expect } from '@playwright/test';
import type { DriverPage } from './BrowserDriver.js';
import type { Scenario, ScenarioContext } from './scenarios.js';

// The Digital River shop's tag with data-token-via="api-key" (e2e/pages/).
const API_KEY_PAGE = '/digitalriver-api-key.html';
const ADD_TO_CART =
  '/v1/shoppers/me/carts/active/line-items?productId=luma-mug-aurora&quantity=1&format=json';
const CART = '/v1/shoppers/me/carts/active?format=json';

/**
 * A shopper opens a page of the Digital River shop whose tag says `data-token-via="api-key"`.
 *
 * @returns the page, once the drop-in has run
 */
async function openApiKeyShop(context: ScenarioContext, workersDisabled = false) {
  const page = await context.driver.newPage({ workersDisabled });
  await page.goto(`${context.shopOrigin}${API_KEY_PAGE}`);
  await page.evaluate(
    () => (window as unknown as { tagLoaded: Promise<true> }).tagLoaded,
    undefined,
  );
  return page;
}

/** @returns the status of a cart call the page makes with its own plain `fetch` */
const callFromPage = (page: DriverPage, url: string, method = 'GET') =>
  page.evaluate(async ({ url, method }) => (await fetch(url, { method })).status, { url, method });

/**
 * A shopper on the api-key page whose first cart call went through.
 *
 * @returns the page, and the cart URL it calls
 */
async function openWithACartCall(context: ScenarioContext) {
  const page = await openApiKeyShop(context);
  const url = `${context.digitalRiver.apiOrigin}${CART}`;
  expect(await callFromPage(page, url)).toBe(200);
  return { page, url };
}

const session = (page: DriverPage) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          swTokenInterceptor: {
            session(): Promise<{ deviceId: string; deviceCreated: boolean; path: string }>;
          };
        }
      ).swTokenInterceptor.session(),
    undefined,
  );

/** @returns what reached the store and the token endpoint, in order */
function tokenTraffic(context: ScenarioContext) {
  const log = context.digitalRiver.requestLog;
  return {
    sessionTokens: log
      .filter((entry) => entry.origin === 'store' && entry.path.includes('/SessionToken'))
      .map((entry) => new URL(entry.path, 'http://store.invalid').searchParams.get('apiKey')),
    oauth: log.filter((entry) => entry.path.startsWith('/oauth20/token')),
  };
}

/**
 * A first visit adds to cart in api-key mode: SessionToken runs once, with the key, and its token
 * serves the call; `oauth20/token` is never called.
 */
async function firstVisitAddsToCart(context: ScenarioContext, workersDisabled: boolean) {
  const page = await openApiKeyShop(context, workersDisabled);
  const api = context.digitalRiver.apiOrigin;
  expect(await callFromPage(page, `${api}${ADD_TO_CART}`, 'POST')).toBe(200);
  expect(await callFromPage(page, `${api}${CART}`)).toBe(200);
  const traffic = tokenTraffic(context);
  expect(traffic.sessionTokens).toEqual(['demo-public-key']);
  expect(traffic.oauth).toEqual([]);
  expect(context.digitalRiver.counters).toMatchObject({
    sessionToken: 1,
    passwordGrants: 0,
    refreshGrants: 0,
    unauthorized: 0,
  });
  expect(await session(page)).toMatchObject({
    deviceCreated: true,
    path: workersDisabled ? 'page' : 'worker',
  });
}

/** The api-key mode's stories, which every engine runs. */
export const apiKeyScenarios: Scenario[] = [
  {
    name: 'Digital River api-key mode: a first visit adds to cart with one SessionToken call and no oauth20/token call',
    run: (context) => firstVisitAddsToCart(context, false),
  },
  {
    name: 'Digital River api-key mode, with workers disabled: the fallback adds to cart with one SessionToken call and no oauth20/token call',
    run: (context) => firstVisitAddsToCart(context, true),
  },
  {
    name: 'Digital River api-key mode: a token the API refuses is renewed with the refresh token, identified, on the same shopper session',
    async run(context) {
      const { digitalRiver } = context;
      const { page, url } = await openWithACartCall(context);
      const first = await session(page);
      digitalRiver.expireAccessTokens();
      expect(await callFromPage(page, url)).toBe(200);
      const { sessionTokens, oauth } = tokenTraffic(context);
      expect(sessionTokens).toHaveLength(1);
      expect(oauth.map((entry) => [entry.body.split('&')[0], entry.hasAuth])).toEqual([
        ['grant_type=refresh_token', true],
      ]);
      expect(await session(page)).toMatchObject({
        deviceId: first.deviceId,
        deviceCreated: false,
      });
    },
  },
  {
    name: 'Digital River api-key mode: a refused refresh token leads to SessionToken, with the key, in the open page',
    async run(context) {
      const { digitalRiver } = context;
      const { page, url } = await openWithACartCall(context);
      digitalRiver.revokeRefreshTokens();
      digitalRiver.expireAccessTokens();
      expect(await callFromPage(page, url)).toBe(200);
      // No session token was kept to exchange again: the page ran SessionToken a second time.
      expect(tokenTraffic(context).sessionTokens).toEqual(['demo-public-key', 'demo-public-key']);
      expect(digitalRiver.counters).toMatchObject({
        sessionToken: 2,
        passwordGrants: 0,
        refreshGrants: 1,
        refreshRejected: 1,
      });
      expect(await session(page)).toMatchObject({ deviceCreated: true });
    },
  },
  {
    name: 'Digital River api-key mode: a worker restart keeps the token the page handed over',
    async run(context) {
      const { page, url } = await openWithACartCall(context);
      const before = await session(page);
      await page.restartWorkers();
      expect(await callFromPage(page, url)).toBe(200);
      expect(await session(page)).toEqual(before);
      // The restarted worker read the token from the store: nothing asked for another.
      expect(tokenTraffic(context)).toEqual({ sessionTokens: ['demo-public-key'], oauth: [] });
    },
  },
];
