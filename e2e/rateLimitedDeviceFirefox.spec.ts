import { createServer, request as forward } from 'node:http';
import { startStorefront } from '../demo/storefrontServer.js';
import { type Listening, listenOnLoopback } from '../testing/emulator/http/listenOnLoopback.js';
import type { DriverPage } from './crossBrowser/BrowserDriver.js';
import { firefoxDriver, firefoxExecutable } from './crossBrowser/firefoxDriver.js';
import { APP_ID, CART, expect, test } from './fixtures.js';
import { movableClockDist } from './movableClockDist.js';
import { moveClock } from './moveClock.js';

// Firefox ESR over BiDi has no request routing to answer 429 from, and the emulator does not
// expose `Retry-After` to pages: a proxy in front of it answers the first browser-session 429
// with `Retry-After: 120`, exposed as the API must expose it, and passes everything else on.

const HOUR = 3600_000;
const firefoxPath = firefoxExecutable();

/** @returns the proxy, and how many browser-session requests reached it */
async function rateLimitingProxy(apiOrigin: string): Promise<Listening & { asked: () => number }> {
  const api = new URL(apiOrigin);
  let asked = 0;
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/v1/browser-session' && ++asked === 1) {
      res.writeHead(429, {
        'access-control-allow-origin': req.headers.origin ?? '',
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'retry-after',
        'retry-after': '120',
        'content-type': 'application/json',
      });
      res.end('{"error":"TooManyRequests"}');
      return;
    }
    const upstream = forward(
      {
        host: api.hostname,
        port: api.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  return { ...(await listenOnLoopback(server, '127.0.0.1', 0)), asked: () => asked };
}

/** A cart call inside the wait: answered at once, with what is left of it. */
async function expectTheWait(page: DriverPage, url: string): Promise<void> {
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, retryAfter: Number(response.headers.get('retry-after')) };
  }, url);
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBeGreaterThan(0);
  expect(answer.retryAfter).toBeLessThanOrEqual(120);
}

const test2 = test.extend<{
  rateLimited: { shopOrigin: string; proxy: Listening & { asked: () => number } };
}>({
  rateLimited: async ({ firmly }, use) => {
    const proxy = await rateLimitingProxy(firmly.origin);
    const shop = await startStorefront({
      apiOrigin: proxy.origin,
      appId: APP_ID,
      distDir: movableClockDist(),
    });
    await use({ shopOrigin: shop.origin, proxy });
    await shop.close();
    await proxy.close();
  },
});

test2.describe(
  'Firefox: a token endpoint that answers 429 with Retry-After: 120, heeded by the whole device',
  () => {
    test2.skip(
      ({ browserName }) => browserName !== 'chromium',
      'the Firefox lane runs in the chromium project',
    );
    test2.skip(!firefoxPath, 'no Firefox found: set FIREFOX_PATH, or apt-get install firefox-esr');

    for (const workersDisabled of [false, true]) {
      const path = workersDisabled ? 'on the in-page fallback' : 'through the worker';
      test2(
        `${path}: ${workersDisabled ? 'two more page loads' : 'two worker restarts'} during the wait make no token request`,
        async ({ rateLimited: { shopOrigin, proxy } }) => {
          const driver = firefoxDriver(firefoxPath ?? '');
          try {
            const page = await driver.newPage({ workersDisabled });
            const cart = `${proxy.origin}${CART}`;
            await page.goto(`${shopOrigin}/tag-only.html`);
            await expectTheWait(page, cart);
            for (let i = 0; i < 2; i++) {
              if (workersDisabled) await page.goto(`${shopOrigin}/tag-only.html`);
              else await page.restartWorkers();
              await expectTheWait(page, cart);
            }
            expect(proxy.asked()).toBe(1);
          } finally {
            await driver.close();
          }
        },
      );

      test2(
        `${path}: the device clock set back 2 h during the wait, it ends on time`,
        async ({ rateLimited: { shopOrigin, proxy } }) => {
          const driver = firefoxDriver(firefoxPath ?? '', { restartableWorkers: false });
          try {
            const page = await driver.newPage({ workersDisabled });
            const cart = `${proxy.origin}${CART}`;
            await page.goto(`${shopOrigin}/tag-only.html`);
            await expectTheWait(page, cart);
            await moveClock(page, -2 * HOUR, 'clock corrected');
            await expectTheWait(page, cart);
            await moveClock(page, 121_000);
            expect(await page.evaluate(async (url) => (await fetch(url)).status, cart)).toBe(200);
            expect(proxy.asked()).toBe(2);
          } finally {
            await driver.close();
          }
        },
      );
    }
  },
);
