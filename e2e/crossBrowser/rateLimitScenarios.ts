import { expect } from '@playwright/test';
import { moveClock } from '../moveClock.js';
import type { DriverPage } from './BrowserDriver.js';
import { onBothPaths, type Scenario, type ScenarioContext } from './scenarios.js';

const CART = '/api/v2/domains/staging.luma.gift/cart';
const HOUR = 3600_000;

/** @returns a cart call's status and `Retry-After`, in seconds */
const cart = (context: ScenarioContext, page: DriverPage) =>
  page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, retryAfter: Number(response.headers.get('retry-after')) };
  }, `${context.firmly.origin}${CART}`);

/** A cart call inside the wait: answered at once, with what is left of it. */
async function expectTheWait(context: ScenarioContext, page: DriverPage): Promise<void> {
  const answer = await cart(context, page);
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBeGreaterThan(0);
  expect(answer.retryAfter).toBeLessThanOrEqual(120);
}

/** Opens the tag-only page while browser-session answers its next request 429, Retry-After: 120. */
async function openRateLimited(context: ScenarioContext, workersDisabled: boolean) {
  context.firmly.injectFault({
    endpoint: 'browser-session',
    kind: 'status429',
    times: 1,
    retryAfter: 120,
  });
  const page = await context.driver.newPage({ workersDisabled });
  await page.goto(`${context.shopOrigin}/tag-only.html`);
  await expectTheWait(context, page);
  return page;
}

/** The device clock set back 2 h during the wait, then the wait passes: the call succeeds. */
async function clockSetBackDuringTheWait(context: ScenarioContext, workersDisabled: boolean) {
  const page = await openRateLimited(context, workersDisabled);
  await moveClock(page, -2 * HOUR, 'clock corrected');
  await expectTheWait(context, page);
  await moveClock(page, 121_000);
  expect((await cart(context, page)).status).toBe(200);
  expect(context.firmly.counters.browserSession).toBe(2);
}

/** A 429's `Retry-After`, heeded by every context of the origin. */
export const rateLimitScenarios: Scenario[] = [
  {
    name: 'a 429 with Retry-After: 120, then a worker restart, twice: no token request until the wait is over',
    async run(context) {
      const page = await openRateLimited(context, false);
      for (let i = 0; i < 2; i++) {
        await page.restartWorkers();
        await expectTheWait(context, page);
      }
      expect(context.firmly.counters.browserSession).toBe(1);
    },
  },
  {
    name: 'a 429 with Retry-After: 120 on the in-page fallback: three more page loads, no token request',
    async run(context) {
      const page = await openRateLimited(context, true);
      for (let i = 0; i < 3; i++) {
        await page.goto(`${context.shopOrigin}/tag-only.html`);
        await expectTheWait(context, page);
      }
      expect(context.firmly.counters.browserSession).toBe(1);
    },
  },
];

/** The same wait, with the device clock corrected during it: these move the clock. */
export const rateLimitClockScenarios: Scenario[] = onBothPaths(
  [
    'the device clock set back 2 h during a 429 wait: the wait ends on time',
    'the device clock set back 2 h during a 429 wait, on the in-page fallback: the wait ends on time',
  ],
  clockSetBackDuringTheWait,
);
