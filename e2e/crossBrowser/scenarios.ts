import { expect } from '@playwright/test';
import type { DigitalRiverEmulator, FirmlyEmulator } from '../../testing/emulator.js';
import type { BrowserDriver, DriverPage } from './BrowserDriver.js';

/** What every scenario is given: a browser, the emulators, and a storefront serving both shops. */
export interface ScenarioContext {
  driver: BrowserDriver;
  firmly: FirmlyEmulator;
  digitalRiver: DigitalRiverEmulator;
  /** Serves `/tag-only.html` (Firmly) and `/digitalriver-tag-only.html` against the emulators. */
  shopOrigin: string;
}

/** One story a shopper's browser must get right, in any engine. */
export interface Scenario {
  name: string;
  run(context: ScenarioContext): Promise<void>;
}

const CART = '/api/v2/domains/staging.luma.gift/cart';
const DR_CART = '/v1/shoppers/me/carts/active?format=json';

/**
 * Opens a page of the storefront in a fresh context.
 *
 * @param path - the page, such as `/tag-only.html`
 * @param workersDisabled - whether the page must do without a worker (the in-page fallback)
 * @returns the page
 */
export async function open(
  context: ScenarioContext,
  path: string,
  workersDisabled = false,
): Promise<DriverPage> {
  const page = await context.driver.newPage({ workersDisabled });
  await page.goto(`${context.shopOrigin}${path}`);
  return page;
}

const call = (page: DriverPage, url: string, init: RequestInit = {}) =>
  page.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, init);
      return { status: response.status, body: await response.text() };
    },
    { url, init },
  );

/** A plain XHR, as axios and jQuery make it; resolves once it settled, however it ended. */
const xhrCall = (page: DriverPage, url: string, method: string, body: string | null) =>
  page.evaluate(
    ({ url, method, body }) =>
      new Promise<{ status: number; body: string }>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open(method, url);
        xhr.setRequestHeader('content-type', 'application/json');
        xhr.onloadend = () => resolve({ status: xhr.status, body: xhr.responseText });
        xhr.send(body);
      }),
    { url, method, body },
  );

const session = (page: DriverPage) =>
  page.evaluate(
    () =>
      (
        window as unknown as { swTokenInterceptor: { session(): Promise<unknown> } }
      ).swTokenInterceptor.session(),
    undefined,
  );

/**
 * Builds a Digital River cart of two products from the page, hands the shopper off with
 * `checkout()`, and checks the hosted checkout got that cart and no way back to the token.
 */
async function checkOutTwoItems(context: ScenarioContext, workersDisabled: boolean) {
  const page = await open(context, '/digitalriver-tag-only.html', workersDisabled);
  const api = context.digitalRiver.apiOrigin;
  for (const productId of ['luma-mug-aurora', 'luma-notebook-linen']) {
    const url = `${api}/v1/shoppers/me/carts/active/line-items?productId=${productId}&format=json`;
    expect((await call(page, url, { method: 'POST' })).status).toBe(200);
  }
  await page.evaluate(() => {
    void (
      window as unknown as { swTokenInterceptor: { checkout(): Promise<void> } }
    ).swTokenInterceptor.checkout();
  }, undefined);
  await expect.poll(() => context.digitalRiver.hostedCheckouts.length).toBe(1);
  expect(context.digitalRiver.hostedCheckouts[0]).toMatchObject({
    totalItems: 2,
    lineItems: [{ productId: 'luma-mug-aurora' }, { productId: 'luma-notebook-linen' }],
  });
  // The token went in a POST body to web-checkout, never in a URL.
  expect(
    context.digitalRiver.requestLog
      .filter((entry) => entry.path.includes('/web-checkout'))
      .map((entry) => [entry.method, entry.path.includes('token')]),
  ).toEqual([['POST', false]]);
  // Read once the browser shows the hosted page; until then a read may meet a document unloading.
  const where = () =>
    page
      .evaluate(() => ({ origin: location.origin, referrer: document.referrer }), undefined)
      .catch(() => ({ origin: 'navigating', referrer: '' }));
  await expect.poll(async () => (await where()).origin).toBe(context.digitalRiver.storeOrigin);
  const shown = await where();
  // At most the shop's origin (the fallback's page policy); from the worker's document, nothing.
  expect(['', `${context.shopOrigin}/`]).toContain(shown.referrer);
  if (!workersDisabled) expect(shown.referrer).toBe('');
}

/**
 * Saves the cart from `pagehide` with a `keepalive` fetch, as storefronts do when the shopper
 * leaves, and checks it reached the API with the token. Firefox sends keepalive calls past the
 * service worker, so the page hands them to the worker (decision 019).
 */
async function leaveWithKeepaliveCall(context: ScenarioContext, workersDisabled: boolean) {
  const page = await open(context, '/tag-only.html', workersDisabled);
  expect((await call(page, `${context.firmly.origin}${CART}`)).status).toBe(200);
  const leaving = `${context.firmly.origin}/api/v2/echo?leaving=1`;
  // Nothing waits for the call: the page is gone by the time it is answered.
  await page.evaluate((url) => {
    addEventListener('pagehide', () => {
      void fetch(url, { method: 'POST', body: '{"quantity":3}', keepalive: true });
    });
  }, leaving);
  await page.goto(`${context.shopOrigin}/blank.html`);
  const sent = () => context.firmly.requestLog.filter((entry) => entry.path.endsWith('?leaving=1'));
  await expect.poll(() => sent().length).toBe(1);
  expect(sent()[0]).toMatchObject({ method: 'POST', hasAuth: true, body: '{"quantity":3}' });
  expect(context.firmly.counters.unauthorized).toBe(0);
}

/**
 * One story, told through the worker and again with workers disabled (the in-page fallback).
 *
 * @param names - the two scenarios' names: through the worker, then through the fallback
 * @param story - the story, told with or without workers
 * @returns the two scenarios
 */
export function onBothPaths(
  names: [string, string],
  story: (context: ScenarioContext, workersDisabled: boolean) => Promise<void>,
): Scenario[] {
  return names.map((name, i) => ({ name, run: (context) => story(context, i === 1) }));
}

/** The scenarios both lanes run, defined once. */
export const scenarios: Scenario[] = [
  {
    name: 'the first call of a first visit is authorized',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      expect((await call(page, `${context.firmly.origin}${CART}`)).status).toBe(200);
      expect(context.firmly.counters).toMatchObject({ browserSession: 1, unauthorized: 0 });
    },
  },
  {
    name: '20 concurrent calls on a cold start cause one token call',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      const statuses = await page.evaluate(
        (url) => Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.status))),
        `${context.firmly.origin}${CART}`,
      );
      expect(statuses).toEqual(Array(20).fill(200));
      expect(context.firmly.counters.browserSession).toBe(1);
    },
  },
  {
    name: 'a JSON POST body arrives intact',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      const body = JSON.stringify({ add_to_cart_ref: { variant_id: 'v-ü-✓' }, quantity: 2 });
      const result = await call(page, `${context.firmly.origin}/api/v2/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toMatchObject({ body, contentType: 'application/json' });
    },
  },
  {
    name: 'no token goes to a third origin',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      expect((await call(page, `${context.firmly.origin}${CART}`)).status).toBe(200);
      // The Digital River API stands in for any other origin: its log records whether auth arrived.
      const third = await call(page, `${context.digitalRiver.apiOrigin}/v1/shoppers/me/echo`, {
        method: 'POST',
        body: 'x',
      });
      expect(third.status).toBe(401);
      expect(context.digitalRiver.requestLog.map((entry) => entry.hasAuth)).toEqual([false]);
    },
  },
  {
    name: 'a worker restart keeps the device',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      expect((await call(page, `${context.firmly.origin}${CART}`)).status).toBe(200);
      const before = await session(page);
      await page.restartWorkers();
      expect((await call(page, `${context.firmly.origin}${CART}`)).status).toBe(200);
      expect(await session(page)).toEqual(before);
      expect(context.firmly.counters).toMatchObject({ browserSession: 1, devicesCreated: 1 });
    },
  },
  {
    name: 'the in-page fallback works when workers are disabled',
    async run(context) {
      const page = await open(context, '/tag-only.html', true);
      expect((await call(page, `${context.firmly.origin}${CART}`)).status).toBe(200);
      expect(await session(page)).toMatchObject({ path: 'page', deviceCreated: true });
      expect(context.firmly.counters.unauthorized).toBe(0);
    },
  },
  ...onBothPaths(
    [
      'a Digital River shopper checks out on the hosted page with their cart',
      'with workers disabled, the Digital River hand-off goes from the page',
    ],
    checkOutTwoItems,
  ),
  {
    name: 'the in-page fallback authorizes an XHR and retries it once after a 401, body intact',
    async run(context) {
      const page = await open(context, '/tag-only.html', true);
      const echo = `${context.firmly.origin}/api/v2/echo`;
      const first = await xhrCall(page, echo, 'POST', '{"quantity":1}');
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toMatchObject({ body: '{"quantity":1}' });
      const { deviceId } = (await session(page)) as { deviceId: string };
      context.firmly.revokeDevice(deviceId);
      const retried = await xhrCall(page, echo, 'POST', '{"quantity":2}');
      expect(retried.status).toBe(200);
      expect(JSON.parse(retried.body)).toMatchObject({ body: '{"quantity":2}' });
      expect(context.firmly.counters.unauthorized).toBe(1);
    },
  },
  ...onBothPaths(
    [
      'a keepalive cart call sent as the shopper leaves the page carries the token',
      'with workers disabled, a keepalive cart call sent as the shopper leaves carries the token',
    ],
    leaveWithKeepaliveCall,
  ),
  {
    name: 'the first Digital River call is authorized',
    async run(context) {
      const page = await open(context, '/digitalriver-tag-only.html');
      expect((await call(page, `${context.digitalRiver.apiOrigin}${DR_CART}`)).status).toBe(200);
      expect(context.digitalRiver.counters).toMatchObject({
        sessionToken: 1,
        passwordGrants: 1,
        unauthorized: 0,
      });
    },
  },
];
