import { expect } from '@playwright/test';
import type { FirmlyEmulatorCounters } from '../../testing/emulator/firmly/FirmlyEmulatorCounters.js';
import { passTime } from '../passTime.js';
import type { DriverPage } from './BrowserDriver.js';
import type { Scenario, ScenarioContext } from './scenarios.js';

const CART = '/api/v2/domains/staging.luma.gift/cart';
const ECHO = '/api/v2/echo';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function open(context: ScenarioContext, path: string, workersDisabled = false) {
  const page = await context.driver.newPage({ workersDisabled });
  await page.goto(`${context.shopOrigin}${path}`);
  return page;
}

const cart = (context: ScenarioContext, page: DriverPage) =>
  page.evaluate(async (url) => (await fetch(url)).status, `${context.firmly.origin}${CART}`);

const drCartUrl = (context: ScenarioContext) =>
  `${context.digitalRiver.apiOrigin}/v1/shoppers/me/carts/active?format=json`;

const drCart = (context: ScenarioContext, page: DriverPage) =>
  page.evaluate(async (url) => (await fetch(url)).status, drCartUrl(context));

/**
 * A shopper opens the Digital River tag-only page and makes one cart call, which succeeds.
 *
 * @returns the page
 */
async function openDrSession(context: ScenarioContext) {
  const page = await open(context, '/digitalriver-tag-only.html');
  expect(await drCart(context, page)).toBe(200);
  return page;
}

/** @returns the statuses of twenty Digital River cart calls made at once from the page */
const twentyDrCarts = (context: ScenarioContext, page: DriverPage) =>
  page.evaluate(
    (url) => Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.status))),
    drCartUrl(context),
  );

/**
 * POSTs a JSON body from the page to an emulator's echo endpoint.
 *
 * @returns the status and the echo: what the API received
 */
const postJson = (page: DriverPage, url: string, body: string) =>
  page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: response.status, echo: await response.json() };
    },
    { url, body },
  );

const session = (page: DriverPage) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          swTokenInterceptor: { session(): Promise<{ deviceId: string; deviceCreated: boolean }> };
        }
      ).swTokenInterceptor.session(),
    undefined,
  );

/**
 * A shopper opens a page whose script makes a cart call before the library is ready: the call is
 * held, then goes out through the library with the token and succeeds.
 *
 * @returns the page
 */
async function earlyCallGoesOutWithToken(context: ScenarioContext, workersDisabled = false) {
  const page = await open(context, '/call-before-ready.html', workersDisabled);
  expect(
    await page.evaluate(() => (window as unknown as { earlyCall: unknown }).earlyCall, undefined),
  ).toEqual({ status: 200, throughLibrary: true });
  return page;
}

/** Moves time for everyone: the page, its worker and both APIs. */
async function passTimeForAll(context: ScenarioContext, page: DriverPage, ms: number) {
  await passTime(page, ms, context.firmly, context.digitalRiver);
}

/**
 * A shopper on the tag-only page makes a cart call, then another once `ms` has passed for
 * everyone; both succeed, and neither meets a 401.
 *
 * @param tokenRequests - what the Firmly emulator counted by then: renewals, devices created
 * @returns the page and the session the first call got
 */
async function cartCallAgainAfter(
  context: ScenarioContext,
  ms: number,
  tokenRequests: Partial<FirmlyEmulatorCounters>,
  workersDisabled = false,
) {
  const page = await open(context, '/tag-only.html', workersDisabled);
  expect(await cart(context, page)).toBe(200);
  const first = await session(page);
  await passTimeForAll(context, page, ms);
  expect(await cart(context, page)).toBe(200);
  expect(context.firmly.counters).toMatchObject({ ...tokenRequests, unauthorized: 0 });
  return { page, first };
}

/**
 * The lifecycle stories that need nothing but a page and the emulators (no DevTools protocol,
 * no request routing), so every engine runs them. Those that move the clock are in
 * {@link clockScenarios}: they need a worker that stays up between the move and the call.
 */
export const lifecycleScenarios: Scenario[] = [
  {
    name: 'a cart call made before ready is held, and goes out with the token',
    async run(context) {
      await earlyCallGoesOutWithToken(context);
      expect(context.firmly.counters).toMatchObject({ browserSession: 1, unauthorized: 0 });
    },
  },
  {
    name: 'with workers disabled, a cart call made before ready goes out with the token',
    async run(context) {
      const page = await earlyCallGoesOutWithToken(context, true);
      expect(await session(page)).toMatchObject({ deviceCreated: true });
      expect(context.firmly.counters).toMatchObject({ browserSession: 1, unauthorized: 0 });
    },
  },
  {
    name: 'a 401 renews once and retries once, replaying a JSON body byte for byte',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      const before = await session(page);
      context.firmly.revokeDevice(before.deviceId);
      const body = '{"quantity":3,"note":"ünïcode ✓"}';
      const result = await postJson(page, `${context.firmly.origin}${ECHO}`, body);
      expect(result).toMatchObject({
        status: 200,
        echo: { body, contentType: 'application/json' },
      });
      expect(context.firmly.counters.unauthorized).toBe(1);
      expect((await session(page)).deviceId).not.toBe(before.deviceId);
    },
  },
  {
    name: 'a 503 from the token endpoint is retried and the call succeeds',
    async run(context) {
      context.firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 1 });
      const page = await open(context, '/tag-only.html');
      expect(await cart(context, page)).toBe(200);
      expect(context.firmly.counters).toMatchObject({ browserSession: 2, unauthorized: 0 });
    },
  },
  {
    name: 'clear() forgets the session; the next call starts a new one',
    async run(context) {
      const page = await open(context, '/tag-only.html');
      const before = await session(page);
      await page.evaluate(
        () =>
          (
            window as unknown as { swTokenInterceptor: { clear(): Promise<void> } }
          ).swTokenInterceptor.clear(),
        undefined,
      );
      expect(await cart(context, page)).toBe(200);
      expect((await session(page)).deviceId).not.toBe(before.deviceId);
      expect(context.firmly.counters).toMatchObject({ browserSession: 2, devicesCreated: 2 });
    },
  },
  {
    name: 'Digital River: 20 concurrent calls whose token the API refuses cause exactly one refresh',
    async run(context) {
      const { digitalRiver } = context;
      const page = await openDrSession(context);
      digitalRiver.expireAccessTokens();
      expect(await twentyDrCarts(context, page)).toEqual(Array(20).fill(200));
      expect(digitalRiver.counters).toMatchObject({
        refreshGrants: 1,
        refreshRejected: 0,
        sessionToken: 1,
      });
    },
  },
  {
    name: 'Digital River: a used refresh token and an ended shopper session lead to SessionToken running again in the page',
    async run(context) {
      const { digitalRiver } = context;
      const page = await openDrSession(context);
      digitalRiver.revokeRefreshTokens();
      // Else the stored session token is exchanged again, and the page is not needed.
      digitalRiver.revokeSessionTokens();
      digitalRiver.expireAccessTokens();
      const body = '{"note":"gift"}';
      const result = await postJson(page, `${digitalRiver.apiOrigin}/v1/shoppers/me/echo`, body);
      expect(result).toMatchObject({ status: 200, echo: { body } });
      expect(digitalRiver.counters).toMatchObject({
        sessionToken: 2,
        passwordGrants: 3,
        refreshRejected: 1,
      });
      expect(await session(page)).toMatchObject({ deviceCreated: true });
    },
  },
];

/** Lifecycle stories that move the clock (page, worker and APIs) instead of waiting. */
export const clockScenarios: Scenario[] = [
  {
    name: 'a token inside the renewal margin is renewed before the call goes out, on the same device',
    async run(context) {
      // A one-hour token with the default five-minute margin: 56 minutes later it is due.
      const { page, first } = await cartCallAgainAfter(context, 56 * MINUTE, {
        browserSession: 2,
        renewals: 1,
        devicesCreated: 1,
      });
      expect(await session(page)).toMatchObject({ deviceId: first.deviceId, deviceCreated: false });
    },
  },
  {
    name: 'a shopper back after the token expired gets it renewed from the expired one, same device',
    async run(context) {
      const { page, first } = await cartCallAgainAfter(context, 2 * 60 * MINUTE, {
        renewals: 1,
        devicesCreated: 1,
      });
      expect((await session(page)).deviceId).toBe(first.deviceId);
    },
  },
  {
    name: 'past one week the API refuses renewal; a fresh session starts and the call still succeeds',
    async run(context) {
      const { page, first } = await cartCallAgainAfter(context, 8 * DAY, {
        renewals: 0,
        devicesCreated: 2,
      });
      expect(await session(page)).toMatchObject({ deviceCreated: true });
      expect((await session(page)).deviceId).not.toBe(first.deviceId);
    },
  },
  {
    name: 'with workers disabled, the fallback renews a token inside the margin on the same device',
    async run(context) {
      const { page, first } = await cartCallAgainAfter(
        context,
        56 * MINUTE,
        { renewals: 1, devicesCreated: 1 },
        true,
      );
      expect(await session(page)).toMatchObject({ path: 'page', deviceId: first.deviceId });
    },
  },
  {
    name: 'Digital River: 20 concurrent calls at expiry cause exactly one refresh',
    async run(context) {
      const page = await openDrSession(context);
      // The fixture's token lives 24 hours less 3 seconds: two minutes before its end it is due.
      await passTimeForAll(context, page, DAY - 2 * MINUTE);
      expect(await twentyDrCarts(context, page)).toEqual(Array(20).fill(200));
      expect(context.digitalRiver.counters).toMatchObject({
        refreshGrants: 1,
        refreshRejected: 0,
        sessionToken: 1,
        unauthorized: 0,
      });
    },
  },
];
