import type { SessionInfo } from '../core/SessionInfo';
import { CART, expect, pageEvents, test } from './fixtures';
import { movableClockDist } from './movableClockDist';
import { pageFetch, pageFetchMany, stopAllWorkers } from './pageCalls';
import { passTime } from './passTime';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ECHO = '/api/v2/echo';

async function sessions(page: import('@playwright/test').Page): Promise<SessionInfo[]> {
  return (await pageEvents(page, 'session')) as SessionInfo[];
}

test.describe('renewal', () => {
  test('a token inside the renewal margin is renewed before the call goes out, on the same device', async ({
    openShop,
    firmly,
  }) => {
    const { page } = await openShop({ path: '/tag-only.html', distDir: movableClockDist() });
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(firmly.counters.browserSession).toBe(1);
    // A one-hour token with the default five-minute margin: 56 minutes later it is due.
    await passTime(page, 56 * MINUTE, firmly);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(firmly.counters).toMatchObject({
      browserSession: 2,
      renewals: 1,
      devicesCreated: 1,
      unauthorized: 0,
    });
    const [first, renewed] = await sessions(page);
    expect(renewed).toMatchObject({ deviceId: first?.deviceId, deviceCreated: false });
  });

  test('a shopper back after the token expired gets it renewed from the expired one, same device', async ({
    openShop,
    firmly,
  }) => {
    const { page } = await openShop({ path: '/tag-only.html', distDir: movableClockDist() });
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    // Two hours later the one-hour token has expired, for the page's worker and the API alike.
    await passTime(page, 2 * HOUR, firmly);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(firmly.counters).toMatchObject({ renewals: 1, devicesCreated: 1, unauthorized: 0 });
    const [first, renewed] = await sessions(page);
    expect(renewed?.deviceId).toBe(first?.deviceId);
  });

  test('past one week the API refuses renewal; a fresh session starts and the call still succeeds', async ({
    openShop,
    firmly,
  }) => {
    const { page } = await openShop({ path: '/tag-only.html', distDir: movableClockDist() });
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    // Eight days later, for the page's worker and the API alike.
    await passTime(page, 8 * DAY, firmly);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(firmly.counters).toMatchObject({ renewals: 0, devicesCreated: 2, unauthorized: 0 });
    const [first, fresh] = await sessions(page);
    expect(fresh?.deviceCreated).toBe(true);
    expect(fresh?.deviceId).not.toBe(first?.deviceId);
  });
});

test.describe('a 401 on a cart call', () => {
  const bodies = {
    JSON: async () => ({
      body: '{"quantity":3,"note":"ünïcode ✓"}',
      contentType: 'application/json',
    }),
  };

  test('renews once and retries once, replaying a JSON body byte for byte', async ({
    openShop,
    firmly,
  }) => {
    const { page } = await openShop({ path: '/tag-only.html' });
    const before = await page.evaluate(() => window.swTokenInterceptor?.session());
    firmly.revokeDevice(before?.deviceId ?? '');
    const { body, contentType } = await bodies.JSON();
    const result = await pageFetch(page, `${firmly.origin}${ECHO}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ body, contentType });
    expect(firmly.counters.unauthorized).toBe(1);
    const after = await page.evaluate(() => window.swTokenInterceptor?.session());
    expect(after?.deviceId).not.toBe(before?.deviceId);
  });

  test('replays FormData with a file and a binary Blob byte for byte', async ({
    openShop,
    firmly,
  }) => {
    const { page } = await openShop({ path: '/tag-only.html' });
    const echoes = await page.evaluate(async (url) => {
      const revoke = async () => {
        // Each body is sent with a token that has just been revoked, so each is replayed.
        const info = await window.swTokenInterceptor?.session();
        await fetch(`${new URL(url).origin}/__emulator/revoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ device_id: info?.deviceId }),
        });
      };
      const bytes = new Uint8Array(256).map((_, i) => i);
      const form = new FormData();
      form.append('note', 'gift wrap');
      form.append('file', new File([bytes], 'card.bin', { type: 'application/octet-stream' }));
      await revoke();
      const formEcho = await (await fetch(url, { method: 'POST', body: form })).json();
      await revoke();
      const blobEcho = await (await fetch(url, { method: 'POST', body: new Blob([bytes]) })).json();
      const expected = btoa(String.fromCharCode(...bytes));
      return { formEcho, blobEcho, expected };
    }, `${firmly.origin}${ECHO}`);
    expect(echoes.blobEcho.bodyBase64).toBe(echoes.expected);
    expect(echoes.formEcho.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(
      Buffer.from(echoes.formEcho.bodyBase64, 'base64').includes(
        Buffer.from(echoes.expected, 'base64'),
      ),
    ).toBe(true);
    expect(echoes.formEcho.body).toContain('gift wrap');
    expect(firmly.counters.unauthorized).toBe(2);
  });

  test('a streamed body is buffered once in the worker, so even it is replayed intact', async ({
    openShop,
    firmly,
  }) => {
    const { page } = await openShop({ path: '/tag-only.html' });
    const before = await page.evaluate(() => window.swTokenInterceptor?.session());
    firmly.revokeDevice(before?.deviceId ?? '');
    const result = await page.evaluate(async (url) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('streamed '));
          controller.enqueue(new TextEncoder().encode('body'));
          controller.close();
        },
      });
      const response = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit);
      return { status: response.status, echo: await response.json() };
    }, `${firmly.origin}${ECHO}`);
    expect(result.status).toBe(200);
    expect(result.echo.body).toBe('streamed body');
    expect(firmly.counters.unauthorized).toBe(1);
  });

  test('a second 401 goes to the page unchanged, and nothing loops', async ({
    openShop,
    firmly,
    context,
  }) => {
    let hits = 0;
    await context.route(`${firmly.origin}${ECHO}`, (route) => {
      hits++;
      return route.fulfill({
        status: 401,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}',
      });
    });
    const { page } = await openShop({ path: '/tag-only.html' });
    const result = await pageFetch(page, `${firmly.origin}${ECHO}`, { method: 'POST', body: 'x' });
    expect(result).toEqual({
      status: 401,
      body: '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}',
    });
    expect(hits).toBe(2);
    expect(firmly.counters.browserSession).toBe(2);
  });
});

test.describe('single flight', () => {
  test('many calls from three tabs at a cold start cause one browser-session call', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { origin, page } = await openShop({ path: '/tag-only.html' });
    const tabs = [page, await context.newPage(), await context.newPage()];
    await Promise.all(tabs.slice(1).map((tab) => tab.goto(`${origin}/tag-only.html`)));
    const statuses = await Promise.all(
      tabs.map((tab) => pageFetchMany(tab, `${firmly.origin}${CART}`, 10)),
    );
    expect(statuses.flat()).toEqual(Array(30).fill(200));
    expect(firmly.counters.browserSession).toBe(1);
  });

  test('many calls from three tabs at renewal time cause one renewal', async ({
    openShop,
    firmly,
    context,
  }) => {
    const { origin, page } = await openShop({
      path: '/tag-only.html',
      distDir: movableClockDist(),
    });
    const tabs = [page, await context.newPage(), await context.newPage()];
    await Promise.all(tabs.slice(1).map((tab) => tab.goto(`${origin}/tag-only.html`)));
    await pageFetch(page, `${firmly.origin}${CART}`);
    // The tabs share one worker: its clock, moved 56 minutes, puts the token inside the margin.
    await passTime(page, 56 * MINUTE, firmly);
    const statuses = await Promise.all(
      tabs.map((tab) => pageFetchMany(tab, `${firmly.origin}${CART}`, 10)),
    );
    expect(statuses.flat()).toEqual(Array(30).fill(200));
    expect(firmly.counters).toMatchObject({ browserSession: 2, renewals: 1 });
  });
});

test('a worker restart uses the stored token: no browser-session call, no new device', async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop({ path: '/tag-only.html' });
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  const before = await page.evaluate(() => window.swTokenInterceptor?.session());
  await stopAllWorkers(page);
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  expect(await page.evaluate(() => window.swTokenInterceptor?.session())).toEqual(before);
  expect(firmly.counters).toMatchObject({ browserSession: 1, devicesCreated: 1, unauthorized: 0 });
});

test.describe('token endpoint faults', () => {
  for (const kind of [
    'status500',
    'status503',
    'malformedJson',
    'html',
    'missingFields',
  ] as const) {
    test(`a ${kind} answer is retried and the call succeeds`, async ({ openShop, firmly }) => {
      firmly.injectFault({ endpoint: 'browser-session', kind, times: 1 });
      const { page } = await openShop({ path: '/tag-only.html' });
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      expect(firmly.counters).toMatchObject({ browserSession: 2, unauthorized: 0 });
      expect(await pageEvents(page, 'error')).toEqual([]);
    });
  }

  for (const kind of ['timeout', 'drop'] as const) {
    test(`a first-visit token request lost to a ${kind} is not retried within the call, which may still create a device; the next call gets a token`, async ({
      openShop,
      firmly,
    }) => {
      firmly.injectFault({ endpoint: 'browser-session', kind, times: 1 });
      const { page } = await openShop({ path: '/tag-only.html' });
      const first = await pageFetch(page, `${firmly.origin}${CART}`);
      expect(first.status).toBe(503);
      expect(JSON.parse(first.body)).toMatchObject({ code: 503, error: 'TokenUnavailable' });
      expect(firmly.counters.browserSession).toBe(1);
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      expect(firmly.counters).toMatchObject({ browserSession: 2, unauthorized: 0, cartCalls: 1 });
    });
  }

  test('when every attempt fails the call is answered 503 TokenUnavailable and an error event fires', async ({
    openShop,
    firmly,
  }) => {
    firmly.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 100 });
    const { page } = await openShop({ path: '/tag-only.html' });
    const started = Date.now();
    const result = await pageFetch(page, `${firmly.origin}${CART}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe(503);
    // Ours (error, message) and Firmly's error shape (code, description).
    expect(JSON.parse(result.body)).toEqual({
      code: 503,
      error: 'TokenUnavailable',
      description: expect.stringContaining('No session token from the API'),
      message: expect.stringContaining('No session token from the API'),
    });
    expect(firmly.counters.browserSession).toBeGreaterThan(1);
    expect(firmly.counters.browserSession).toBeLessThanOrEqual(4);
    // Never sent on silently without a token.
    expect(firmly.counters.cartCalls).toBe(0);
    await expect
      .poll(() => pageEvents(page, 'error'))
      .toContainEqual(expect.objectContaining({ code: 'TokenUnavailable' }));
  });
});

test.describe('a device clock hours off', () => {
  for (const [label, offset] of [
    ['five hours fast', 5 * HOUR],
    ['five hours slow', -5 * HOUR],
  ] as const) {
    test(`still renews on time when it is ${label}`, async ({ openShop, firmly, page }) => {
      // The page and its worker run on the device's clock, off from the API's from the start.
      await openShop({ path: '/tag-only.html', distDir: movableClockDist(offset) });
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      expect(firmly.counters.browserSession).toBe(1);
      // A one-hour token with the default five-minute margin: 56 minutes later it is due.
      await passTime(page, 56 * MINUTE, firmly);
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      expect(firmly.counters).toMatchObject({ browserSession: 2, renewals: 1, unauthorized: 0 });
    });
  }
});

test.describe('aborts', () => {
  /** Makes a call from the page and aborts it after `ms`; resolves with how it ended. */
  const abortedCall = (page: import('@playwright/test').Page, url: string, ms: number) =>
    page.evaluate(
      async ({ url, ms }) => {
        await window.swTokenInterceptor?.ready;
        const controller = new AbortController();
        setTimeout(() => controller.abort(), ms);
        return fetch(url, { signal: controller.signal }).then(
          () => 'answered',
          (error: Error) => error.name,
        );
      },
      { url, ms },
    );

  test('a call aborted during a cold start does not waste its token request: the next call shares it', async ({
    openShop,
    firmly,
  }) => {
    firmly.injectFault({ endpoint: 'browser-session', kind: 'timeout', times: 1 });
    const { page } = await openShop({ path: '/tag-only.html' });
    expect(await abortedCall(page, `${firmly.origin}${CART}`, 300)).toBe('AbortError');
    // Where the abort does not reach the worker (Chromium), the next call shares the timed-out
    // request, which is not retried within the call, since it might still create a device.
    const next = await pageFetch(page, `${firmly.origin}${CART}`);
    expect([200, 503]).toContain(next.status);
    if (next.status === 503) {
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    }
    expect(firmly.counters).toMatchObject({
      browserSession: 2,
      devicesCreated: 1,
      unauthorized: 0,
    });
  });

  test('where the browser passes the abort to the worker, the upstream call is aborted, and so is a token request no one waits for', async ({
    openShop,
    firmly,
    browserName,
  }) => {
    // Chromium does not pass a page's abort to FetchEvent.request.signal
    // (w3c/ServiceWorker#1544); where it does not, the worker cannot know the page gave up.
    test.skip(browserName === 'chromium', 'Chromium does not pass page aborts to the worker');
    const { page } = await openShop({ path: '/tag-only.html' });
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    firmly.injectFault({ endpoint: 'cart', kind: 'timeout', times: 1 });
    expect(await abortedCall(page, `${firmly.origin}${CART}`, 300)).toBe('AbortError');
    await expect.poll(() => firmly.counters.abandoned).toBe(1);

    await page.evaluate(() => window.swTokenInterceptor?.clear());
    const before = firmly.counters.browserSession;
    firmly.injectFault({ endpoint: 'browser-session', kind: 'timeout', times: 1 });
    expect(await abortedCall(page, `${firmly.origin}${CART}`, 300)).toBe('AbortError');
    // The token request was abandoned with the call, not left to time out and be retried.
    await expect.poll(() => firmly.counters.abandoned).toBe(2);
    expect(firmly.counters.browserSession).toBe(before + 1);
  });
});

test('clear() forgets the session; the next call starts a new one', async ({
  openShop,
  firmly,
}) => {
  const { page } = await openShop({ path: '/tag-only.html' });
  const before = await page.evaluate(() => window.swTokenInterceptor?.session());
  await page.evaluate(() => window.swTokenInterceptor?.clear());
  expect(
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('sw-token-interceptor');
          open.onsuccess = () => {
            const request = open.result.transaction('sessions').objectStore('sessions').count();
            request.onsuccess = () => resolve(request.result);
          };
        }),
    ),
  ).toBe(0);
  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  const after = await page.evaluate(() => window.swTokenInterceptor?.session());
  expect(after?.deviceId).not.toBe(before?.deviceId);
  expect(firmly.counters).toMatchObject({ browserSession: 2, devicesCreated: 2 });
});
