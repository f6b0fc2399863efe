import { createServer } from 'node:http';
import { startStorefront } from '../demo/storefrontServer';
import { startFirmlyEmulator } from '../testing/emulator/firmly/firmlyEmulator';
import { listenOnLoopback } from '../testing/emulator/http/listenOnLoopback';
import { APP_ID, CART, distDir, expect, test } from './fixtures';
import { pageFetch } from './pageCalls';

/** Whether the worker that controls the page was configured for `apiOrigin` alone. */
const controlledFor = (page: import('@playwright/test').Page, apiOrigin: string) =>
  page.evaluate(
    (apiOrigin) =>
      new URL(navigator.serviceWorker.controller?.scriptURL ?? 'about:blank').searchParams.get(
        'apiOrigins',
      ) === apiOrigin,
    apiOrigin,
  );

test('with static routing, only API calls reach the worker: not the page, its assets, nor its own fetch and XHR calls', async ({
  openShop,
  firmly,
  page,
}) => {
  // A third party the storefront calls (analytics, search): another origin, CORS open.
  const thirdParty = await listenOnLoopback(
    createServer((_req, res) => {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}');
    }),
    '127.0.0.1',
    0,
  );
  try {
    const lines: string[] = [];
    page.context().on('console', (message) => lines.push(message.text()));
    await openShop({ attributes: { 'data-debug': '' } });
    await page.evaluate(() => window.swTokenInterceptor?.ready);
    await expect.poll(() => lines.join('\n')).toContain('debug: static routing');
    test.skip(
      !lines.some((line) => line.includes('static routing on')),
      'this browser has no static routing; the fetch handler lets other requests pass instead',
    );
    // Reload: the shop's page, scripts, styles and catalog load again, under control.
    await page.reload();
    await page.evaluate(() => window.swTokenInterceptor?.ready);
    await page.evaluate(async (thirdParty) => {
      await (await fetch('/catalog.json')).text();
      await (await fetch(`${thirdParty}/collect`, { method: 'POST', body: '{}' })).text();
      await new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', '/catalog.json');
        xhr.onloadend = resolve;
        xhr.send();
      });
    }, thirdParty.origin);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    await expect.poll(() => lines.join('\n')).toContain('matched, token attached');
    // Debug mode logs every request the fetch handler sees and leaves alone: only the navigation,
    // which races the network so that it starts the worker without waiting for it.
    expect(lines.filter((line) => line.includes('not matched'))).toEqual([
      expect.stringMatching(
        /GET http:\/\/localhost:\d+\/: not matched, passed through \(navigation\)$/,
      ),
    ]);
  } finally {
    await thirdParty.close();
  }
});

test('a storefront that moves to another API origin: the page loaded under the old rules authorizes its calls itself until it navigates', async ({
  page,
  firmly,
}) => {
  const moved = await startFirmlyEmulator({ testControls: true, appIds: [APP_ID] });
  const before = await startStorefront({ apiOrigin: firmly.origin, appId: APP_ID, distDir });
  let after: { origin: string; close(): Promise<void> } | undefined;
  try {
    // A shopper's earlier visits: our worker for the old API origin controls the shop.
    await page.goto(`${before.origin}/tag-only.html`);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    await page.reload();
    expect(await controlledFor(page, firmly.origin)).toBe(true);

    // The storefront deploys its new API origin, on the same site.
    await before.close();
    after = await startStorefront({
      apiOrigin: moved.origin,
      appId: APP_ID,
      distDir,
      port: Number(new URL(before.origin).port),
    });
    await page.reload();
    await page.evaluate(() => window.swTokenInterceptor?.ready);
    // The new worker takes over this very page, but the page keeps the old worker's routing
    // rules, which send every call not to the old API origin straight to the network.
    await expect.poll(() => controlledFor(page, moved.origin)).toBe(true);
    const calls = await Promise.all([
      pageFetch(page, `${moved.origin}${CART}`),
      page.evaluate(
        (url) =>
          new Promise<number>((resolve) => {
            const xhr = new XMLHttpRequest();
            xhr.open('GET', url);
            xhr.onloadend = () => resolve(xhr.status);
            xhr.send();
          }),
        `${moved.origin}${CART}`,
      ),
    ]);
    expect(calls.map((call) => (typeof call === 'number' ? call : call.status))).toEqual([
      200, 200,
    ]);
    expect(moved.requestLog.filter((entry) => !entry.hasAuth)).toEqual([]);
    const onThisPage = await page.evaluate(() => window.swTokenInterceptor?.session());
    expect(onThisPage?.path).toBe('page');

    // The next navigation is loaded under the new worker's rules: the worker authorizes again,
    // with the same session.
    await page.reload();
    expect((await pageFetch(page, `${moved.origin}${CART}`)).status).toBe(200);
    const next = await page.evaluate(() => window.swTokenInterceptor?.session());
    expect(next).toMatchObject({ path: 'worker', deviceId: onThisPage?.deviceId });
    expect(moved.counters).toMatchObject({ browserSession: 1, devicesCreated: 1, unauthorized: 0 });
  } finally {
    await before.close();
    await after?.close();
    await moved.close();
  }
});
