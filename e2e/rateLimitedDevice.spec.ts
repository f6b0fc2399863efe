import type { BrowserContext, Page } from '@playwright/test';
import { CART, expect, type OpenShop, test } from './fixtures.js';
import { movableClockDist } from './movableClockDist.js';
import { moveClock } from './moveClock.js';
import { pageFetch, stopAllWorkers } from './pageCalls.js';

const HOUR = 3600_000;

/**
 * Has browser-session answer its first request `429` with `Retry-After: 120`, and let the later
 * ones through.
 *
 * @returns when browser-session was asked, one entry a request
 */
async function rateLimitOnce(context: BrowserContext, apiOrigin: string): Promise<number[]> {
  const asked: number[] = [];
  await context.route(`${apiOrigin}/api/v1/browser-session`, async (route) => {
    asked.push(Date.now());
    if (asked.length > 1) return route.fallback();
    return route.fulfill({
      status: 429,
      headers: {
        'access-control-allow-origin': route.request().headers().origin ?? '',
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'retry-after',
        'retry-after': '120',
        'content-type': 'application/json',
      },
      body: '{"error":"TooManyRequests"}',
    });
  });
  return asked;
}

/** A cart call made inside the wait: answered at once, with what is left of it. */
async function expectAnsweredWithTheWait(page: Page, url: string): Promise<void> {
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, retryAfter: Number(response.headers.get('retry-after')) };
  }, url);
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBeGreaterThan(0);
  expect(answer.retryAfter).toBeLessThanOrEqual(120);
}

/** Opens the tag-only page while browser-session asks for two minutes of quiet. */
async function openWhileRateLimited(
  openShop: OpenShop,
  context: BrowserContext,
  apiOrigin: string,
  distDir?: string,
) {
  const asked = await rateLimitOnce(context, apiOrigin);
  const shop = await openShop({ path: '/tag-only.html', ...(distDir ? { distDir } : {}) });
  await expectAnsweredWithTheWait(shop.page, `${apiOrigin}${CART}`);
  expect(asked).toHaveLength(1);
  return { ...shop, asked };
}

test.describe('a token endpoint that answers 429 with Retry-After: 120, through the worker', () => {
  test('the worker restarted three times during the wait asks nothing until it is over', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(openShop, context, firmly.origin);
    for (let i = 0; i < 3; i++) {
      await stopAllWorkers(page);
      await expectAnsweredWithTheWait(page, `${firmly.origin}${CART}`);
    }
    expect(asked).toHaveLength(1);
  });

  test('the device clock set back 2 h during the wait: it ends on time', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(
      openShop,
      context,
      firmly.origin,
      movableClockDist(),
    );
    await moveClock(page, -2 * HOUR, 'clock corrected');
    await expectAnsweredWithTheWait(page, `${firmly.origin}${CART}`);
    await moveClock(page, 121_000);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(asked).toHaveLength(2);
  });

  test('the device clock set forward 2 h during the wait: it is not skipped', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(
      openShop,
      context,
      firmly.origin,
      movableClockDist(),
    );
    await moveClock(page, 2 * HOUR, 'clock corrected');
    await expectAnsweredWithTheWait(page, `${firmly.origin}${CART}`);
    expect(asked).toHaveLength(1);
  });
});

test.describe('a token endpoint that answers 429 with Retry-After: 120, on the in-page fallback', () => {
  test.use({ serviceWorkers: 'block' });

  test('five page loads during the wait make no token request', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(openShop, context, firmly.origin);
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await expectAnsweredWithTheWait(page, `${firmly.origin}${CART}`);
    }
    expect(asked).toHaveLength(1);
  });

  test('five tabs opened during the wait make no token request', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { origin, asked } = await openWhileRateLimited(openShop, context, firmly.origin);
    for (let i = 0; i < 5; i++) {
      const tab = await context.newPage();
      await tab.goto(`${origin}/tag-only.html`);
      await expectAnsweredWithTheWait(tab, `${firmly.origin}${CART}`);
    }
    expect(asked).toHaveLength(1);
  });

  test('the device clock set back 2 h during the wait: it ends on time', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { page, asked } = await openWhileRateLimited(
      openShop,
      context,
      firmly.origin,
      movableClockDist(),
    );
    await moveClock(page, -2 * HOUR, 'clock corrected');
    await expectAnsweredWithTheWait(page, `${firmly.origin}${CART}`);
    await moveClock(page, 121_000);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(asked).toHaveLength(2);
  });
});
