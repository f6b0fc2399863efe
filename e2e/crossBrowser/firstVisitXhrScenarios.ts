import { expect } from '@playwright/test';
import type { Scenario, ScenarioContext } from './scenarios.js';

/** One call the first-visit page made (e2e/pages/first-visit-xhr.js), as it ended. */
interface FirstVisitCall {
  id: string;
  client: 'axios' | 'jquery' | 'xhr';
  method: 'GET' | 'POST';
  /** Whether a worker controlled the page when the call was made. */
  controlled: boolean;
  /** The POST body, or null. */
  sent: string | null;
  status: number;
  body: string;
  /** What a plain XHR's listeners saw, as `type:readyState`. */
  events?: string[];
}

/**
 * A shopper's first visit to a page whose scripts call the cart API over XHR (axios, jQuery, a
 * plain XHR; GET and POST) as it starts: a dozen at once before any worker controls the page,
 * a dozen more over the next 300 ms. Firefox decides at `open()` whether a worker sees an XHR,
 * so a held call must be opened again once the worker is in control.
 */
async function firstVisitXhrCalls(context: ScenarioContext) {
  const page = await context.driver.newPage();
  await page.goto(`${context.shopOrigin}/first-visit-xhr.html`);
  const calls = await page.evaluate(
    () => (window as unknown as { firstVisitCalls: Promise<FirstVisitCall[]> }).firstVisitCalls,
    undefined,
  );
  expect(calls).toHaveLength(24);
  // The story is about calls made before control: the first dozen all were.
  expect(calls.slice(0, 12).map((call) => call.controlled)).toEqual(Array(12).fill(false));
  expect(calls.filter((call) => call.status !== 200).map((call) => [call.id, call.status])).toEqual(
    [],
  );
  for (const call of calls.filter((each) => each.sent !== null)) {
    expect(JSON.parse(call.body), call.id).toMatchObject({ body: call.sent });
  }
  // A held XHR shows the page what a plain XHR shows it once a worker is in control, in the same
  // engine (which fires no upload events for a call a worker answers): no replayed open, no abort.
  const seen = (events: string[] | undefined) =>
    (events ?? []).filter((event, i, all) => event !== all[i - 1]);
  const plain = await page.evaluate(async (url) => {
    const { swTokenInterceptor, firstVisitClients } = window as unknown as {
      swTokenInterceptor: { ready: Promise<void> };
      firstVisitClients: Record<string, (m: string, u: string, b?: string) => Promise<unknown>>;
    };
    await swTokenInterceptor.ready;
    const get = await firstVisitClients.xhr?.(
      'GET',
      `${url}/api/v2/domains/staging.luma.gift/cart`,
    );
    const post = await firstVisitClients.xhr?.('POST', `${url}/api/v2/echo`, '{}');
    return { GET: get, POST: post } as Record<string, { events: string[] }>;
  }, context.firmly.origin);
  for (const call of calls.filter((each) => each.client === 'xhr')) {
    expect(seen(call.events), call.id).toEqual(seen(plain[call.method]?.events));
  }
  // Each call reached the API once, with the token.
  const logged = context.firmly.requestLog
    .map((entry) => ({ id: new URL(entry.path, 'http://log').searchParams.get('call'), entry }))
    .filter(({ id }) => id !== null);
  expect(logged.map(({ id }) => id).sort()).toEqual(calls.map((call) => call.id).sort());
  expect(logged.filter(({ entry }) => !entry.hasAuth).map(({ id }) => id)).toEqual([]);
  expect(context.firmly.counters).toMatchObject({ browserSession: 1, unauthorized: 0 });
}

/**
 * A first visit whose page configures a plain XHR before control (`withCredentials`, `timeout`,
 * `responseType`) and aborts another it just sent: the first gets its JSON with its settings
 * intact, the second never reaches the API.
 */
async function firstVisitXhrSettings(context: ScenarioContext) {
  const page = await context.driver.newPage();
  await page.goto(`${context.shopOrigin}/first-visit-xhr.html?story=settings`);
  const seen = await page.evaluate(
    () => (window as unknown as { firstVisitCalls: Promise<unknown> }).firstVisitCalls,
    undefined,
  );
  expect(seen).toEqual({
    controlled: false,
    status: 200,
    parsed: true,
    withCredentials: true,
    timeout: 15000,
    responseType: 'json',
  });
  expect(
    context.firmly.requestLog
      .filter((entry) => entry.path.includes('call='))
      .map((entry) => [entry.path.split('call=')[1], entry.hasAuth]),
  ).toEqual([['configured', true]]);
}

/** What the listeners of XHRs aborted just after send() heard (e2e/pages/first-visit-xhr.js). */
interface AbortedXhrs {
  getNow: string[];
  postNow: string[];
  getLater: string[];
  synchronous: string[];
}

/**
 * A first visit whose page aborts XHRs just after sending them, before any worker controls the
 * page (the patch holds them), and again once one does (the engine's own calls, through the
 * worker, to a cart endpoint that stalls), then on a page without the tag: the listeners hear
 * the same events in the same order, with the same readyState and status, in each engine. The
 * held ones never reach the API. An XHR opened with `async` given as `undefined` or 0 is
 * synchronous before control too, as the engine makes it.
 */
async function firstVisitXhrAborts(context: ScenarioContext) {
  context.firmly.injectFault({ endpoint: 'cart', kind: 'timeout', times: 10 });
  const tagged = await context.driver.newPage();
  await tagged.goto(`${context.shopOrigin}/first-visit-xhr.html?story=abort`);
  const { held, controlled } = await tagged.evaluate(
    () =>
      (window as unknown as { firstVisitCalls: Promise<Record<string, AbortedXhrs>> })
        .firstVisitCalls,
    undefined,
  );
  const untaggedPage = await context.driver.newPage();
  await untaggedPage.goto(`${context.shopOrigin}/first-visit-xhr.html?story=untagged`);
  const untagged = await untaggedPage.evaluate(
    (api) =>
      (
        window as unknown as { abortXhrs(api: string, prefix: string): Promise<AbortedXhrs> }
      ).abortXhrs(api, 'untagged'),
    context.firmly.origin,
  );
  // The events alone: whether a worker controlled the page is what tells the three apart.
  const heard = (seen: AbortedXhrs | undefined) =>
    Object.fromEntries(
      Object.entries(seen ?? {}).map(([name, each]: [string, string[]]) => [
        name,
        each.filter((event) => !event.startsWith('controlled:')),
      ]),
    );
  expect(held?.getNow).toContain('controlled:false');
  expect(held?.getLater).toContain('controlled:false');
  expect(controlled?.getNow).toContain('controlled:true');
  expect(heard(held)).toEqual(heard(untagged));
  expect(heard(held)).toEqual(heard(controlled));
  // The story's point, said plainly: a promise on loadend settles.
  expect(held?.getLater).toContain('loadend:4:0');
  // Not one of the held calls reached the API (the synchronous ones, on an unrouted path, are
  // not logged).
  expect(
    context.firmly.requestLog.map((entry) => entry.path).filter((path) => path.includes('=held-')),
  ).toEqual([]);
}

/** The first-visit stories of XHR clients, which every engine runs. */
export const firstVisitXhrScenarios: Scenario[] = [
  {
    name: 'a first visit: axios, jQuery and plain XHRs made before control, a dozen at once and a dozen over 300 ms, each reach the API once with the token',
    run: firstVisitXhrCalls,
  },
  {
    name: 'a first visit: an XHR configured before control keeps its settings, and one aborted before control is never sent',
    run: firstVisitXhrSettings,
  },
  {
    name: 'a first visit: an XHR aborted before control fires the events the engine’s own abort fires, and is never sent',
    run: firstVisitXhrAborts,
  },
];
