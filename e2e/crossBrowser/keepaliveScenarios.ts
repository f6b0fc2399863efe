import { expect } from '@playwright/test';
import type { DriverPage } from './BrowserDriver.js';
import { onBothPaths, type Scenario, type ScenarioContext } from './scenarios.js';

const CART = '/api/v2/domains/staging.luma.gift/cart';

/** What a page's script can see of a response, or the name of the error its fetch threw. */
type Seen = { type: string; status: number; ok: boolean; bodyless: boolean; headers: number };

/** Calls `url` with `redirect: 'manual'`, without and then with `keepalive`, as a page would. */
const manualRedirectCalls = (page: DriverPage, url: string) =>
  page.evaluate(async (url) => {
    const seen: (Seen | string)[] = [];
    for (const keepalive of [false, true]) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"quantity":3}',
          keepalive,
          redirect: 'manual',
        });
        seen.push({
          type: response.type,
          status: response.status,
          ok: response.ok,
          bodyless: response.body === null,
          headers: [...response.headers].length,
        });
      } catch (error) {
        seen.push((error as Error).name);
      }
    }
    return seen;
  }, url);

/**
 * A keepalive call with `redirect: 'manual'` that the API redirects gets the opaque redirect a
 * plain fetch gets (decision 019), and the API sees each call once.
 */
async function keepaliveManualRedirect(context: ScenarioContext, workersDisabled: boolean) {
  const page = await context.driver.newPage({ workersDisabled });
  await page.goto(`${context.shopOrigin}/tag-only.html`);
  const api = context.firmly.origin;
  const first = await page.evaluate(
    (url) => fetch(url).then((response) => response.status),
    `${api}${CART}`,
  );
  expect(first).toBe(200);
  context.firmly.redirect({ path: '/api/v2/moved', status: 302, location: '/api/v2/echo' });
  const [plain, keepalive] = await manualRedirectCalls(page, `${api}/api/v2/moved`);
  // WebKit gives an opaque redirect an empty body rather than none: what counts is the same answer.
  expect(plain).toMatchObject({ type: 'opaqueredirect', status: 0, ok: false, headers: 0 });
  expect(keepalive).toEqual(plain);
  // One redirect for each call: nothing was asked of the API again to make the opaque redirect.
  expect(context.firmly.counters.redirects).toBe(2);
}

/** The keepalive scenarios, through the worker and through the in-page fallback. */
export const keepaliveScenarios: Scenario[] = onBothPaths(
  [
    "a keepalive call with redirect: 'manual' that the API redirects gets the opaque redirect",
    "with workers disabled, a keepalive call with redirect: 'manual' that the API redirects gets the opaque redirect",
  ],
  keepaliveManualRedirect,
);
