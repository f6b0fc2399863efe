import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const ECHO = '/api/v2/echo';
// Far past a worker start and a cart call, far short of the minute a lost hand-off used to wait.
const HUNG_AFTER_MS = 15_000;

/**
 * Makes `count` keepalive cart calls from the page without waiting for them, as a storefront
 * saving the cart does; each records how it ended, or `hung` if it had not after
 * {@link HUNG_AFTER_MS}.
 */
function startKeepaliveCalls(page: Page, url: string, round: number, count: number) {
  return page.evaluate(
    ({ url, round, count, hungAfter }) => {
      const w = window as unknown as { __calls?: Promise<[string, string]>[] };
      w.__calls ??= [];
      for (let i = 0; i < count; i++) {
        const id = `${round}-${i}`;
        const call = fetch(`${url}?call=${id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ call: id }),
          keepalive: true,
        }).then(
          (response) => String(response.status),
          (error: { code?: string; name?: string }) => error.code ?? error.name ?? 'rejected',
        );
        const hung = new Promise<string>((resolve) => setTimeout(() => resolve('hung'), hungAfter));
        w.__calls.push(Promise.race([call, hung]).then((outcome) => [id, outcome]));
      }
    },
    { url, round, count, hungAfter: HUNG_AFTER_MS },
  );
}

const outcomes = (page: Page) =>
  page.evaluate(() =>
    Promise.all((window as unknown as { __calls: Promise<[string, string]>[] }).__calls),
  );

test.describe('keepalive calls handed to the worker', () => {
  test.describe.configure({ timeout: 120_000 });

  test('keepalive cart calls while Chromium stops the worker: none hangs, none reaches the API twice, and none is lost unsaid', async ({
    openSession,
    firmly,
  }) => {
    const page = await openSession();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const rounds = 12;
    const perRound = 8;
    for (let round = 0; round < rounds; round++) {
      // The stop lands at every stage of a hand-off: posted, received, waiting for the token,
      // sending, answering. Every other round, more calls are made at once to the stopped worker.
      await startKeepaliveCalls(page, `${firmly.origin}${ECHO}`, round, perRound);
      await cdp.send('ServiceWorker.stopAllWorkers');
      if (round % 2)
        await startKeepaliveCalls(page, `${firmly.origin}${ECHO}`, round + 100, perRound);
      await outcomes(page);
    }
    const ended = new Map(await outcomes(page));
    // Every other round made its calls twice.
    expect(ended.size).toBe(rounds * perRound * 1.5);
    expect([...ended].filter(([, outcome]) => outcome === 'hung')).toEqual([]);
    const received = new Map<string, number>();
    for (const entry of firmly.requestLog) {
      const id = new URL(entry.path, firmly.origin).searchParams.get('call');
      if (!id) continue;
      expect(entry).toMatchObject({
        method: 'POST',
        hasAuth: true,
        body: JSON.stringify({ call: id }),
      });
      received.set(id, (received.get(id) ?? 0) + 1);
    }
    // None twice: the worker sends a call only until the page, hearing nothing, sends it itself.
    expect([...received].filter(([, times]) => times > 1)).toEqual([]);
    // Every call the API answered reached it; one that did not was, at worst, a call the worker
    // was stopped sending, which the page hears of as WorkerUnavailable (decision 019).
    const missing = [...ended].filter(([id]) => !received.has(id));
    expect(missing.filter(([, outcome]) => outcome !== 'WorkerUnavailable')).toEqual([]);
    expect(
      [...ended].filter(([, outcome]) => outcome === '200').every(([id]) => received.has(id)),
    ).toBe(true);
    console.log(
      `${ended.size} keepalive calls, ${received.size} received once, ${missing.length} lost as the worker was stopped sending them, ${[...ended.values()].filter((o) => o === 'WorkerUnavailable').length} answered WorkerUnavailable`,
    );
    expect(firmly.counters.unauthorized).toBe(0);
  });
});
