import type { BrowserContext, Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import type { DigitalRiverEmulator } from '../testing/emulator/digitalRiver/digitalRiverEmulator.js';
import { APP_ID, test as base, distDir, expect, pageEvents, recordEvents } from './fixtures';
import { movableClockDist } from './movableClockDist';
import { pageFetch, stopAllWorkers } from './pageCalls';
import { passTime } from './passTime';

const SITE_ID = 'demoSite';
const LINE_ITEMS = '/v1/shoppers/me/carts/active/line-items';
const HAND_OFF = '/sw-token-interceptor/checkout';

/** Serves the Digital River shop; on `port` when given, so a second server keeps the origin. */
type ServeDrShop = (options?: {
  attributes?: Record<string, string>;
  port?: number;
  /** Serve the library from another build (a movable-clock copy of dist/). */
  distDir?: string;
}) => Promise<{ origin: string; port: number; close(): Promise<void> }>;

const test = base.extend<{
  dr: DigitalRiverEmulator;
  serveDrShop: ServeDrShop;
  /** Every access and refresh token the API handed out, read on its way to the worker. */
  issuedTokens: string[];
  /** Everything logged by pages and workers of the context. */
  contextConsole: string[];
}>({
  digitalRiverSiteId: [SITE_ID, { scope: 'worker' }],
  dr: async ({ digitalRiver }, use) => {
    await use(digitalRiver);
  },
  serveDrShop: async ({ dr, firmly }, use) => {
    const servers: { close(): Promise<void> }[] = [];
    await use(async (options = {}) => {
      const shop = await startStorefront({
        apiOrigin: firmly.origin,
        appId: APP_ID,
        distDir: options.distDir ?? distDir,
        ...(options.port === undefined ? {} : { port: options.port }),
        extraTagAttributes: options.attributes ?? {},
        digitalRiver: {
          siteId: SITE_ID,
          // Any key: the fixture's emulator takes whatever key identifies the client.
          apiKey: 'demo-public-key',
          storeOrigin: dr.storeOrigin,
          apiOrigin: dr.apiOrigin,
        },
      });
      servers.push(shop);
      return { ...shop, port: Number(new URL(shop.origin).port) };
    });
    await Promise.all(servers.map((s) => s.close()));
  },
  issuedTokens: async ({ context, dr }, use) => {
    const tokens: string[] = [];
    await readTokens(context, dr, tokens);
    await use(tokens);
  },
  contextConsole: async ({ context }, use) => {
    const lines: string[] = [];
    context.on('console', (message) => lines.push(message.text()));
    await use(lines);
  },
});

async function readTokens(context: BrowserContext, dr: DigitalRiverEmulator, into: string[]) {
  await context.route(`${dr.apiOrigin}/oauth20/token`, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const grant = JSON.parse(body) as Record<string, unknown> & { token?: Record<string, unknown> };
    for (const field of ['access_token', 'refresh_token']) {
      const value = grant[field] ?? grant.token?.[field];
      if (typeof value === 'string') into.push(value);
    }
    await route.fulfill({ response, body });
  });
}

/** Adds two catalog products through the shop's own buttons and waits for both lines. */
async function addTwoItems(page: Page): Promise<string[]> {
  const buttons = page.getByTestId('add-to-cart');
  await buttons.nth(0).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await buttons.nth(2).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  return page
    .getByTestId('cart-line')
    .evaluateAll((lines) => lines.map((line) => (line as HTMLElement).dataset.sku ?? ''));
}

/** Waits for the browser to show the emulator's hosted checkout, and reads it. */
async function hostedCheckout(page: Page, dr: DigitalRiverEmulator) {
  await page.waitForURL((url) => url.origin === dr.storeOrigin);
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  return {
    skus: await page
      .getByTestId('hosted-line')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-product-id') ?? '')),
    total: await page.getByTestId('hosted-total').textContent(),
    referrer: await page.evaluate(() => document.referrer),
    url: page.url(),
  };
}

/** Every same-origin history entry the storefront's scripts can list (the Navigation API). */
function storefrontHistory(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const api = (window as unknown as { navigation?: { entries(): { url: string | null }[] } })
      .navigation;
    return api ? api.entries().map((entry) => entry.url ?? '') : [location.href];
  });
}

test('a shopper with two items checks out with Digital River: the hosted checkout shows the same cart, and no page script sees the token', async ({
  page,
  context,
  dr,
  serveDrShop,
  issuedTokens,
  contextConsole,
}) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  const shop = await serveDrShop({ attributes: { 'data-debug': '' } });
  await page.addInitScript(recordEvents);
  await page.goto(`${shop.origin}/digitalriver.html`);
  const skus = await addTwoItems(page);
  const shopTotal = await page.getByTestId('cart-total').textContent();

  await page.getByRole('button', { name: 'Checkout with Digital River' }).click();
  const hosted = await hostedCheckout(page, dr);

  expect(hosted.skus).toEqual(skus);
  expect(hosted.total).toBe(shopTotal);
  expect(dr.hostedCheckouts).toEqual([
    expect.objectContaining({ totalItems: 2, orderTotal: shopTotal, referer: null }),
  ]);
  // The storefront is another site: the hosted page cannot tell where the shopper came from.
  expect(hosted.referrer).toBe('');
  // The token travelled once, in the body of a POST to web-checkout.
  const handOffs = dr.requestLog.filter((entry) => entry.path.includes('/web-checkout'));
  expect(handOffs).toMatchObject([{ method: 'POST', hasAuth: false }]);
  expect(handOffs[0]?.body).toContain('token=[redacted]');

  // Back from the hosted checkout is the shop, and nothing in its history holds the token or
  // would post it again.
  await page.goBack();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  const history = await storefrontHistory(page);
  expect(history.some((url) => url.includes(HAND_OFF))).toBe(false);

  const events = JSON.stringify(
    await page.evaluate(() => (window as unknown as { __events: unknown }).__events),
  );
  const visible = [contextConsole.join('\n'), requests.join('\n'), history.join('\n'), events];
  expect(issuedTokens.length).toBeGreaterThanOrEqual(2);
  for (const token of issuedTokens) {
    for (const place of visible) expect(place).not.toContain(token);
  }
  await expect
    .poll(() => contextConsole.join('\n'))
    .toContain('debug: checkout hand-off: posting the token to');
});

test('a token inside the renewal margin is renewed before the hand-off', async ({
  page,
  dr,
  serveDrShop,
}) => {
  const shop = await serveDrShop({ distDir: movableClockDist() });
  await page.goto(`${shop.origin}/digitalriver-tag-only.html`);
  for (const productId of ['luma-mug-aurora', 'luma-tea-sampler']) {
    const url = `${dr.apiOrigin}${LINE_ITEMS}?productId=${productId}&format=json`;
    expect((await pageFetch(page, url, { method: 'POST' })).status).toBe(200);
  }
  expect(dr.counters.refreshGrants).toBe(0);
  // The token lives a day less three seconds: two minutes before its end, as the shopper checks
  // out, it is inside the renewal margin, still usable, and no call has renewed it yet.
  const later = 24 * 3600_000 - 120_000;
  await passTime(page, later, dr);
  expect(dr.counters.refreshGrants).toBe(0);

  await page.evaluate(() => {
    void window.swTokenInterceptor?.checkout({ themeId: '4321', locale: 'en_US' });
  });
  const hosted = await hostedCheckout(page, dr);

  expect(dr.counters).toMatchObject({ refreshGrants: 1, refreshRejected: 0, unauthorized: 0 });
  expect(hosted.skus).toEqual(['luma-mug-aurora', 'luma-tea-sampler']);
  expect(dr.hostedCheckouts).toMatchObject([{ themeId: '4321', locale: 'en_US', totalItems: 2 }]);
});

test('a plain link to the hand-off works after the worker was stopped', async ({
  page,
  dr,
  serveDrShop,
}) => {
  const shop = await serveDrShop();
  await page.goto(`${shop.origin}/digitalriver.html`);
  const skus = await addTwoItems(page);
  await stopAllWorkers(page);
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = 'Go to checkout';
    document.body.prepend(link);
  }, `${HAND_OFF}?themeId=88`);

  await page.getByRole('link', { name: 'Go to checkout' }).click();
  const hosted = await hostedCheckout(page, dr);

  expect(hosted.skus).toEqual(skus);
  expect(dr.hostedCheckouts).toMatchObject([{ themeId: '88', totalItems: 2 }]);
  expect(dr.counters).toMatchObject({ sessionToken: 1, refreshGrants: 0, unauthorized: 0 });
});

test('where workers are blocked, the page fallback hands off: the same cart, no token in history or events', async ({
  browser,
  dr,
  serveDrShop,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const issued: string[] = [];
  await readTokens(context, dr, issued);
  const shop = await serveDrShop();
  try {
    const page = await context.newPage();
    await page.addInitScript(recordEvents);
    await page.goto(`${shop.origin}/digitalriver.html`);
    const skus = await addTwoItems(page);
    expect(await page.evaluate(() => window.swTokenInterceptor?.session())).toMatchObject({
      path: 'page',
    });

    await page.getByRole('button', { name: 'Checkout with Digital River' }).click();
    const hosted = await hostedCheckout(page, dr);
    expect(hosted.skus).toEqual(skus);
    // The page's own referrer policy applies here: at most the shop's origin, never a token.
    expect(['', `${shop.origin}/`]).toContain(hosted.referrer);
    expect(dr.requestLog.filter((e) => e.path.includes('/web-checkout'))).toMatchObject([
      { method: 'POST', path: '/v1/shoppers/me/carts/active/web-checkout' },
    ]);

    // Back to the shop; its history holds the shop and the hosted checkout, never the token.
    await page.goBack();
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    const history = await storefrontHistory(page);
    const events = JSON.stringify(await pageEvents(page, 'session'));
    expect(issued.length).toBeGreaterThanOrEqual(2);
    for (const token of issued) {
      expect(history.join('\n')).not.toContain(token);
      expect(events).not.toContain(token);
    }
  } finally {
    await context.close();
  }
});

test('where workers are blocked, the page answers a plain link to the hand-off', async ({
  browser,
  dr,
  serveDrShop,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const shop = await serveDrShop();
  try {
    const page = await context.newPage();
    await page.goto(`${shop.origin}/digitalriver.html`);
    const skus = await addTwoItems(page);
    await page.evaluate((href) => {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = 'Go to checkout';
      document.body.prepend(link);
    }, `${HAND_OFF}?locale=de_DE`);

    await page.getByRole('link', { name: 'Go to checkout' }).click();
    const hosted = await hostedCheckout(page, dr);

    expect(hosted.skus).toEqual(skus);
    expect(dr.hostedCheckouts).toMatchObject([{ totalItems: 2, locale: 'de_DE' }]);
  } finally {
    await context.close();
  }
});

test("the hand-off document is out of reach of the storefront's scripts", async ({
  page,
  dr,
  serveDrShop,
  issuedTokens,
}) => {
  const shop = await serveDrShop();
  await page.goto(`${shop.origin}/digitalriver-tag-only.html`);
  expect(
    (
      await pageFetch(page, `${dr.apiOrigin}${LINE_ITEMS}?productId=luma-mug-aurora&format=json`, {
        method: 'POST',
      })
    ).status,
  ).toBe(200);

  // fetch() and an iframe are refused without a token.
  const fetched = await pageFetch(page, HAND_OFF);
  expect(fetched.status).toBe(403);
  const framed = await page.evaluate(
    (href) =>
      new Promise<string>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = href;
        frame.onload = () => {
          try {
            resolve(frame.contentDocument?.documentElement.outerHTML ?? 'unreadable');
          } catch {
            resolve('unreadable');
          }
        };
        document.body.append(frame);
      }),
    HAND_OFF,
  );
  // A popup is a top-level navigation: it gets the document, but its opener cannot read it.
  const popupPromise = page.context().waitForEvent('page');
  await page.evaluate((href) => {
    (window as unknown as { popup: Window | null }).popup = window.open(href);
  }, HAND_OFF);
  const popup = await popupPromise;
  await popup.waitForURL((url) => url.origin === dr.storeOrigin);
  // Cross-Origin-Opener-Policy cut the link as the hand-off document loaded: the storefront's
  // handle to the popup reads as closed, and nothing in it can be reached.
  const opened = await page.evaluate(() => {
    const handle = (window as unknown as { popup: Window | null }).popup;
    return { closed: handle?.closed };
  });
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  await popup.close();

  for (const token of issuedTokens) {
    expect(fetched.body).not.toContain(token);
    expect(framed).not.toContain(token);
  }
  expect(opened.closed).toBe(true);
});

test('checkout() is for Digital River only: a Firmly page gets a coded error and stays', async ({
  openShop,
}) => {
  const { page } = await openShop({ path: '/tag-only.html' });
  const error = await page.evaluate(() =>
    window.swTokenInterceptor?.checkout().then(
      () => 'resolved',
      (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
    ),
  );
  expect(error).toMatch(/^ConfigInvalid: .*Digital River only/);
  expect(new URL(page.url()).pathname).toBe('/tag-only.html');
});

test('a malformed option is refused with ConfigInvalid before the page leaves', async ({
  page,
  serveDrShop,
}) => {
  const shop = await serveDrShop();
  await page.goto(`${shop.origin}/digitalriver-tag-only.html`);
  const error = await page.evaluate(() =>
    window.swTokenInterceptor?.checkout({ themeId: '"><script>' }).then(
      () => 'resolved',
      (e: { code?: string }) => e.code,
    ),
  );
  expect(error).toBe('ConfigInvalid');
  expect(new URL(page.url()).pathname).toBe('/digitalriver-tag-only.html');
});

test("on the storefront teams' fixture, with the real API origin routed to the emulator, the hand-off still lands on the hosted checkout", async ({
  page,
  dr,
  firmly,
  digitalRiverApiOrigin,
  digitalRiverStoreOrigin,
}) => {
  const shop = await startStorefront({
    apiOrigin: firmly.origin,
    appId: APP_ID,
    distDir,
    digitalRiver: {
      siteId: SITE_ID,
      apiKey: 'demo-public-key',
      storeOrigin: digitalRiverStoreOrigin,
      apiOrigin: digitalRiverApiOrigin,
    },
  });
  try {
    await page.goto(`${shop.origin}/digitalriver-tag-only.html`);
    const add = `${digitalRiverApiOrigin}${LINE_ITEMS}?productId=luma-mug-aurora&format=json`;
    expect((await pageFetch(page, add, { method: 'POST' })).status).toBe(200);
    await page.evaluate(() => {
      void window.swTokenInterceptor?.checkout();
    });
    const hosted = await hostedCheckout(page, dr);
    expect(hosted.skus).toEqual(['luma-mug-aurora']);
  } finally {
    await shop.close();
  }
});
