import type { Page } from '@playwright/test';
import { test as base, CART, expect } from './fixtures.js';
import { movableClockDist } from './movableClockDist.js';
import { moveClock } from './moveClock.js';
import { pageFetch, stopAllWorkers } from './pageCalls.js';
import { rateLimitBrowserSessionOnce } from './rateLimitBrowserSessionOnce.js';

const HOUR = 3600_000;

/** The tag-only page, opened while browser-session asks for two minutes of quiet. */
interface RateLimitedShop {
  origin: string;
  page: Page;
  /** The cart URL the page calls. */
  cart: string;
  /** When browser-session was asked, one entry a request. */
  asked: number[];
}

/** Opens the tag-only page, from another build of the library if given, during the wait. */
type OpenWhileRateLimited = (distDir?: string) => Promise<RateLimitedShop>;

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

const test = base.extend<{ openWhileRateLimited: OpenWhileRateLimited }>({
  openWhileRateLimited: async ({ openShop, firmly, context }, use) => {
    await use(async (distDir) => {
      const asked = await rateLimitBrowserSessionOnce(context, firmly.origin, '120');
      const shop = await openShop({ path: '/tag-only.html', ...(distDir ? { distDir } : {}) });
      const cart = `${firmly.origin}${CART}`;
      await expectAnsweredWithTheWait(shop.page, cart);
      expect(asked).toHaveLength(1);
      return { ...shop, cart, asked };
    });
  },
});

/** Opens the page during the wait on a movable clock, then corrects the clock by `ms`. */
async function correctClockDuringTheWait(
  openWhileRateLimited: OpenWhileRateLimited,
  ms: number,
): Promise<RateLimitedShop> {
  const shop = await openWhileRateLimited(movableClockDist());
  await moveClock(shop.page, ms, 'clock corrected');
  await expectAnsweredWithTheWait(shop.page, shop.cart);
  return shop;
}

/** Both hosts keep the wait on a monotonic clock: a clock set back does not stretch it. */
function theClockSetBackEndsTheWaitOnTime(): void {
  test('the device clock set back 2 h during the wait: it ends on time', async ({
    openWhileRateLimited,
  }) => {
    const { page, cart, asked } = await correctClockDuringTheWait(openWhileRateLimited, -2 * HOUR);
    await moveClock(page, 121_000);
    expect((await pageFetch(page, cart)).status).toBe(200);
    expect(asked).toHaveLength(2);
  });
}

test.describe('a token endpoint that answers 429 with Retry-After: 120, through the worker', () => {
  test('the worker restarted three times during the wait asks nothing until it is over', async ({
    openWhileRateLimited,
  }) => {
    const { page, cart, asked } = await openWhileRateLimited();
    for (let i = 0; i < 3; i++) {
      await stopAllWorkers(page);
      await expectAnsweredWithTheWait(page, cart);
    }
    expect(asked).toHaveLength(1);
  });

  theClockSetBackEndsTheWaitOnTime();

  test('the device clock set forward 2 h during the wait: it is not skipped', async ({
    openWhileRateLimited,
  }) => {
    const { asked } = await correctClockDuringTheWait(openWhileRateLimited, 2 * HOUR);
    expect(asked).toHaveLength(1);
  });
});

test.describe('a token endpoint that answers 429 with Retry-After: 120, on the in-page fallback', () => {
  test.use({ serviceWorkers: 'block' });

  test('five page loads during the wait make no token request', async ({
    openWhileRateLimited,
  }) => {
    const { page, cart, asked } = await openWhileRateLimited();
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await expectAnsweredWithTheWait(page, cart);
    }
    expect(asked).toHaveLength(1);
  });

  test('five tabs opened during the wait make no token request', async ({
    openWhileRateLimited,
    context,
  }) => {
    const { origin, cart, asked } = await openWhileRateLimited();
    for (let i = 0; i < 5; i++) {
      const tab = await context.newPage();
      await tab.goto(`${origin}/tag-only.html`);
      await expectAnsweredWithTheWait(tab, cart);
    }
    expect(asked).toHaveLength(1);
  });

  theClockSetBackEndsTheWaitOnTime();
});
