import type { BrowserContext, Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import { APP_ID, CART, distDir, expect, type OpenShop, test } from './fixtures';
import { pageFetch } from './pageCalls';
import { rateLimitBrowserSessionOnce } from './rateLimitBrowserSessionOnce';

const DR_CART = '/v1/shoppers/me/carts/active?format=json';

/** Makes `count` calls one after another from the page, as a shopper browsing does. */
function sequentialCalls(page: Page, url: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ url, count }) => {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) statuses.push((await fetch(url)).status);
      return statuses;
    },
    { url, count },
  );
}

test.describe('a token that lives no longer than the renewal margin (300 s)', () => {
  test('Firmly: fifteen calls within its life make one token request', async ({
    openShop,
    firmly,
  }) => {
    firmly.setTokenLifetime(20);
    const { page } = await openShop({ path: '/tag-only.html' });
    const statuses = await sequentialCalls(page, `${firmly.origin}${CART}`, 15);
    expect(statuses).toEqual(Array(15).fill(200));
    expect(firmly.counters.browserSession).toBe(1);
  });

  test('Digital River: fifteen calls within its life make one token request', async ({
    openDrShop,
    digitalRiver,
  }) => {
    digitalRiver.setAccessTokenLifetime(20);
    const page = await openDrShop();
    const statuses = await sequentialCalls(page, `${digitalRiver.apiOrigin}${DR_CART}`, 15);
    expect(statuses).toEqual(Array(15).fill(200));
    expect(digitalRiver.counters).toMatchObject({ passwordGrants: 1, refreshGrants: 0 });
  });
});

test('calls that start while a refused token is replaced wait for the replacement', async ({
  openSession,
  firmly,
  context,
}) => {
  const page = await openSession();
  const session = await page.evaluate(() => window.swTokenInterceptor?.session());
  firmly.revokeDevice(session?.deviceId ?? '');
  const before = firmly.counters.unauthorized;

  // Hold the replacement token request until the later calls have started.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  await context.route(`${firmly.origin}/api/v1/browser-session`, async (route) => {
    held++;
    await released;
    await route.fallback();
  });

  await page.evaluate((url) => {
    const w = window as unknown as { __calls: Promise<number>[] };
    w.__calls = [fetch(url).then((r) => r.status)];
  }, `${firmly.origin}${CART}`);
  await expect.poll(() => held).toBe(1);
  await page.evaluate((url) => {
    const w = window as unknown as { __calls: Promise<number>[] };
    for (let i = 0; i < 9; i++) w.__calls.push(fetch(url).then((r) => r.status));
  }, `${firmly.origin}${CART}`);
  release();
  const statuses = await page.evaluate(() =>
    Promise.all((window as unknown as { __calls: Promise<number>[] }).__calls),
  );
  expect(statuses).toEqual(Array(10).fill(200));
  // The first call met the refusal; the nine that started during the renewal did not.
  expect(firmly.counters.unauthorized - before).toBe(1);
});

test("a header the API's CORS policy refuses: the page's console says which call failed and why", async ({
  browser,
  firmlyEmulator,
}) => {
  // A context with no routes: Playwright answers every preflight itself where a route is set.
  firmlyEmulator.reset();
  // The API allows its own headers and no storefront header.
  firmlyEmulator.setCors({ allowOrigins: 'echo', allowHeaders: [] });
  const context = await browser.newContext();
  const shop = await startStorefront({ apiOrigin: firmlyEmulator.origin, appId: APP_ID, distDir });
  try {
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await page.goto(`${shop.origin}/tag-only.html`);
    await page.evaluate(() => window.swTokenInterceptor?.ready);
    const failed = await page.evaluate(
      (url) =>
        fetch(url, { headers: { 'x-storefront-trace': 'abc' } }).then(
          (r) => `answered ${r.status}`,
          (error: Error) => error.name,
        ),
      `${firmlyEmulator.origin}${CART}`,
    );
    expect(failed).toBe('TypeError');
    await expect
      .poll(() => consoleLines.filter((line) => line.includes('ApiUnreachable')))
      .toEqual([
        expect.stringMatching(
          /^error: \[sw-token-interceptor\] ApiUnreachable: .*GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/domains\/staging\.luma\.gift\/cart; headers the API must allow: x-storefront-trace\)$/,
        ),
      ]);
  } finally {
    firmlyEmulator.setCors({ allowHeaders: 'echo' });
    await context.close();
    await shop.close();
  }
});

test('an application id the API refuses is logged once, coded, however many calls fail on it', async ({
  openShop,
  firmly,
  consoleLines,
}) => {
  const { page } = await openShop({ appId: 'no-such-app', path: '/tag-only.html' });
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  for (let i = 0; i < 3; i++) {
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(400);
  }
  await expect
    .poll(() => consoleLines.filter((line) => line.includes('InvalidAppId')))
    .toHaveLength(1);
  expect(consoleLines.find((line) => line.includes('InvalidAppId'))).toMatch(
    /^error: \[sw-token-interceptor\] InvalidAppId: /,
  );
});

test.describe('a token endpoint that answers 429 with Retry-After', () => {
  /**
   * The shopper opens the tag-only page while browser-session answers 429 with `retryAfter`
   * once, then lets it through.
   *
   * @returns the page, and when browser-session was asked
   */
  async function openWhileRateLimited(
    openShop: OpenShop,
    context: BrowserContext,
    apiOrigin: string,
    retryAfter: string,
  ) {
    const asked = await rateLimitBrowserSessionOnce(context, apiOrigin, retryAfter);
    const { page } = await openShop({ path: '/tag-only.html' });
    return { page, asked };
  }

  test('a short wait is honoured before the one retry, and the call succeeds', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(openShop, context, firmly.origin, '1');
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(asked).toHaveLength(2);
    expect((asked[1] ?? 0) - (asked[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  test('a wait past the retry deadline: calls get 503 with Retry-After, and the endpoint is not asked again meanwhile', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(openShop, context, firmly.origin, '60');
    const answers = await page.evaluate(async (url) => {
      const out: { status: number; retryAfter: string | null; body: unknown }[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await fetch(url);
        out.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: await response.json(),
        });
      }
      return out;
    }, `${firmly.origin}${CART}`);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body).toMatchObject({ code: 503, error: 'TokenUnavailable' });
    }
    expect(asked).toHaveLength(1);
  });
});

test("a call that carries its own x-firmly-authorization (Firmly's SDK beside us) goes out unchanged", async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop({ path: '/tag-only.html' });
  await page.evaluate(() => window.swTokenInterceptor?.ready);
  // The SDK's own device and token, obtained as Firmly's SDK does.
  const sdkToken = await page.evaluate(
    async ({ api, appId }) => {
      const response = await fetch(`${api}/api/v1/browser-session`, {
        method: 'POST',
        headers: { 'x-firmly-app-id': appId },
      });
      return ((await response.json()) as { access_token: string }).access_token;
    },
    { api: firmly.origin, appId: APP_ID },
  );
  // Our own session is refused from now on: a call that got our token would meet a 401.
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  const ours = await page.evaluate(() => window.swTokenInterceptor?.session());
  firmly.revokeDevice(ours?.deviceId ?? '');
  const before = { ...firmly.counters };
  const result = await pageFetch(page, `${firmly.origin}${CART}`, {
    headers: { 'x-firmly-authorization': sdkToken },
  });
  expect(result.status).toBe(200);
  expect(firmly.counters.unauthorized).toBe(before.unauthorized);
  expect(firmly.counters.browserSession).toBe(before.browserSession);
});
