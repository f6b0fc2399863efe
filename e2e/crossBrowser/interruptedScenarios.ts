import { expect } from '@playwright/test';
import type { DriverPage } from './BrowserDriver.js';
import { onBothPaths, open, type Scenario, type ScenarioContext } from './scenarios.js';

const CART = '/api/v2/domains/staging.luma.gift/cart';

/** What the page keeps of a call it may abort, between two evaluations. */
interface Typing {
  typing: AbortController;
  typed: Promise<string>;
}

const cartStatus = (context: ScenarioContext, page: DriverPage) =>
  page.evaluate(async (url) => (await fetch(url)).status, `${context.firmly.origin}${CART}`);

/**
 * Search as you type: the shopper's first call waits on a token request that gets no answer,
 * the page aborts it and makes the next call at once. The next call, never aborted, succeeds.
 */
async function abortThenCallAtOnce(context: ScenarioContext, workersDisabled: boolean) {
  const { firmly } = context;
  const page = await open(context, '/tag-only.html', workersDisabled);
  firmly.injectFault({ endpoint: 'browser-session', kind: 'timeout', times: 1 });
  const url = `${firmly.origin}${CART}`;
  await page.evaluate((url) => {
    const w = window as unknown as Typing;
    w.typing = new AbortController();
    w.typed = fetch(url, { signal: w.typing.signal }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
  }, url);
  // The first call's token request is under way: the abort lands while it waits on it.
  await expect.poll(() => firmly.counters.browserSession).toBe(1);
  const result = await page.evaluate(async (url) => {
    const w = window as unknown as Typing;
    w.typing.abort();
    const next = await fetch(url);
    return { typed: await w.typed, next: next.status };
  }, url);
  expect(result).toEqual({ typed: 'AbortError', next: 200 });
  // Where the abort does not reach the worker (Chromium), the next call shares the first's
  // token request, which times out and is asked again; elsewhere the next call asks anew.
  expect(firmly.counters).toMatchObject({ browserSession: 2, devicesCreated: 1, unauthorized: 0 });
}

/**
 * A first visit while the token endpoint answers 500, then drops the connection: the third
 * attempt, inside the call's deadline, gets the shopper's first cart call its token.
 */
async function firstVisitThrough500AndDrop(context: ScenarioContext, workersDisabled: boolean) {
  const { firmly } = context;
  firmly.injectFault({ endpoint: 'browser-session', kind: 'status500', times: 1 });
  firmly.injectFault({ endpoint: 'browser-session', kind: 'drop', times: 1 });
  const page = await open(context, '/tag-only.html', workersDisabled);
  expect(await cartStatus(context, page)).toBe(200);
  expect(firmly.counters).toMatchObject({
    browserSession: 3,
    devicesCreated: 1,
    cartCalls: 1,
    unauthorized: 0,
  });
}

/** Calls cut short: by the page (an abort), or by the network (a dropped connection). */
export const interruptedScenarios: Scenario[] = [
  ...onBothPaths(
    [
      'a call aborted while its token request runs, then the next at once: the next succeeds',
      'with workers disabled, a call aborted while its token request runs, then the next at once: the next succeeds',
    ],
    abortThenCallAtOnce,
  ),
  ...onBothPaths(
    [
      'a first visit while the token endpoint answers 500, then drops the connection: the first call succeeds',
      'with workers disabled, a first visit while the token endpoint answers 500, then drops the connection: the first call succeeds',
    ],
    firstVisitThrough500AndDrop,
  ),
];
