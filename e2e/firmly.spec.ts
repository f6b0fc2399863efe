import { addToCartInDemoShop } from './addToCartInDemoShop';
import { CART, expect, pageEvents, test } from './fixtures';
import { pageFetch } from './pageCalls';
import { twoCallsAnsweredWith } from './twoCallsAnsweredWith';

test('the first cart call of a first visit is authorized', async ({ openShop, firmly }) => {
  const { page } = await openShop();
  // Not waiting for `ready`: the drop-in holds API calls until the worker controls the page.
  const result = await pageFetch(page, `${firmly.origin}${CART}`);
  expect(result.status).toBe(200);
  expect(JSON.parse(result.body)).toMatchObject({ line_items: [] });
  expect(firmly.counters.unauthorized).toBe(0);
  expect(firmly.requestLog.every((entry) => entry.hasAuth)).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toContain(
    'sw-token-interceptor.sw.js',
  );
});

test('20 concurrent cart calls on a cold start cause exactly one browser-session call', async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop();
  const statuses = await page.evaluate(
    (url) => Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.status))),
    `${firmly.origin}${CART}`,
  );
  expect(statuses).toEqual(Array(20).fill(200));
  expect(firmly.counters.browserSession).toBe(1);
  expect(firmly.counters.devicesCreated).toBe(1);
});

test('a JSON POST body arrives intact', async ({ openShop, firmly }) => {
  const { page } = await openShop();
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  const body = JSON.stringify({
    add_to_cart_ref: { variant_id: 'v-ü-✓' },
    quantity: 2,
    note: 'a\nb',
  });
  const result = await pageFetch(page, `${firmly.origin}/api/v2/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(result.status).toBe(200);
  expect(JSON.parse(result.body)).toMatchObject({ contentType: 'application/json', body });
});

test('add to cart from the storefront works with no auth code in the page', async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop();
  await addToCartInDemoShop(page);
  expect(firmly.counters.unauthorized).toBe(0);
});

test('no token goes to a third origin, nor to the API server under another host name', async ({
  openShop,
  firmly,
  unlistedApi,
}) => {
  const { page } = await openShop();
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  // The token exists: the API itself gets it.
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  const before = firmly.requestLog.length;

  const third = await pageFetch(page, `${unlistedApi.origin}/api/v2/echo`, {
    method: 'POST',
    body: 'x',
  });
  expect(third.status).toBe(401);
  expect(unlistedApi.requestLog.map((entry) => entry.hasAuth)).toEqual([false]);

  const otherName = firmly.origin.replace('127.0.0.1', 'localhost');
  const renamed = await pageFetch(page, `${otherName}/api/v2/echo`, {
    method: 'POST',
    body: 'y',
  });
  expect(renamed.status).toBe(401);
  expect(firmly.requestLog.slice(before).map((entry) => entry.hasAuth)).toEqual([false]);
});

test('a second configured origin (the payment host) gets the token; an unlisted one does not', async ({
  openShop,
  firmly,
  unlistedApi,
}) => {
  // The same API under a second exact origin plays the payment host: it accepts our token.
  const paymentHost = firmly.origin.replace('127.0.0.1', 'localhost');
  const { page } = await openShop({ alsoApiOrigins: [paymentHost] });
  const body = JSON.stringify({ step: 'complete-order' });
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
  const payment = await pageFetch(page, `${paymentHost}/api/v2/echo`, init);
  expect(payment.status).toBe(200);
  expect(JSON.parse(payment.body)).toMatchObject({ body });
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  expect(firmly.requestLog.every((entry) => entry.hasAuth)).toBe(true);
  expect(firmly.counters.browserSession).toBe(1);

  const other = await pageFetch(page, `${unlistedApi.origin}/api/v2/echo`, init);
  expect(other.status).toBe(401);
  expect(unlistedApi.requestLog.map((entry) => entry.hasAuth)).toEqual([false]);
});

test('a wrong app id gives an InvalidAppId error event and the call still gets an answer', async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop({ appId: 'no-such-app' });
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  await twoCallsAnsweredWith(page, `${firmly.origin}${CART}`, 400, 'InvalidAppId');
  await expect
    .poll(() => pageEvents(page, 'error'))
    .toContainEqual({
      code: 'InvalidAppId',
      message: expect.stringContaining('application id'),
    });
  // Once, although the storefront's start-up and two calls all failed on it.
  expect(await pageEvents(page, 'error')).toHaveLength(1);
  await expect(page.getByTestId('error-banner')).toBeVisible();
  // Not retried: the API was asked once however many calls were made.
  expect(firmly.counters.browserSession).toBe(1);
  expect(firmly.counters.cartCalls).toBe(0);
});

test('after a Shift-reload, calls are still authorized', async ({ openShop, firmly, page }) => {
  await openShop();
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  await page.addInitScript(() => {
    (window as unknown as { controlledAtStart: boolean }).controlledAtStart =
      navigator.serviceWorker.controller !== null;
  });
  const cdp = await page.context().newCDPSession(page);
  await Promise.all([page.waitForEvent('load'), cdp.send('Page.reload', { ignoreCache: true })]);
  // The reload really left the page uncontrolled: the drop-in had to ask the worker to claim it.
  expect(
    await page.evaluate(
      () => (window as unknown as { controlledAtStart: boolean }).controlledAtStart,
    ),
  ).toBe(false);
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  const result = await pageFetch(page, `${firmly.origin}${CART}`);
  expect(result.status).toBe(200);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(firmly.counters.unauthorized).toBe(0);
  expect(firmly.counters.browserSession).toBe(1);
});

test('session() tells the device and expiry, never the token', async ({ openShop, firmly }) => {
  const { page } = await openShop();
  const session = await page.evaluate(() => window.swTokenInterceptor?.session());
  expect(session).toMatchObject({ provider: 'firmly', deviceCreated: true, path: 'worker' });
  expect(session?.deviceId).toMatch(/^[0-9a-f-]{36}$/);
  expect(session?.expiresAt).toBeGreaterThan(Date.now() + 3000_000);
  expect(Object.keys(session ?? {}).sort()).toEqual([
    'deviceCreated',
    'deviceId',
    'expiresAt',
    'path',
    'provider',
  ]);
  expect(firmly.counters.browserSession).toBe(1);
});

test('a malformed tag logs ConfigInvalid naming the attribute and registers no worker', async ({
  openShop,
  consoleLines,
}) => {
  const { page } = await openShop({ apiOrigin: 'http://api.example.com' });
  const error = await page.evaluate(() =>
    window.swTokenInterceptor?.ready.then(
      () => null,
      (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
    ),
  );
  expect(error).toMatchObject({ code: 'ConfigInvalid' });
  expect(consoleLines.join('\n')).toContain('ConfigInvalid');
  expect(consoleLines.join('\n')).toContain('data-api-origin');
  expect(
    await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)),
  ).toBe(0);
});
