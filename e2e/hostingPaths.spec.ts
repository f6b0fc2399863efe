import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import { chromiumExecutable } from './chromiumExecutable';
import { copyOfDist } from './copyOfDist';
import { APP_ID, CART, distDir, expect, test } from './fixtures';
import { pageFetch } from './pageCalls';

const ECHO = '/api/v2/echo';
const FALLBACK_FILE = 'sw-token-interceptor.fallback.js';

/** A real XMLHttpRequest POST, as axios makes it. */
function xhrPost(page: Page, url: string, body: string) {
  return page.evaluate(
    ({ url, body }) =>
      new Promise<{ status: number; body: string }>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        xhr.setRequestHeader('content-type', 'application/json');
        xhr.onloadend = () => resolve({ status: xhr.status, body: xhr.responseText });
        xhr.send(body);
      }),
    { url, body },
  );
}

test.describe('a page where the worker is in control', () => {
  test('never loads the fallback chunk', async ({ openShop, firmly, page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await openShop();
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(
      await page.evaluate(() => window.swTokenInterceptor?.session().then((s) => s.path)),
    ).toBe('worker');
    expect(requested.some((url) => url.includes('sw-token-interceptor.js'))).toBe(true);
    expect(requested.filter((url) => url.includes(FALLBACK_FILE))).toEqual([]);
  });

  test('authorizes a real XHR POST, body intact', async ({ openShop, firmly }) => {
    const { page } = await openShop({ path: '/tag-only.html' });
    const body = JSON.stringify({
      add_to_cart_ref: { variant_id: 'luma-mug-aurora' },
      quantity: 1,
    });
    const result = await xhrPost(page, `${firmly.origin}${ECHO}`, body);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ body, contentType: 'application/json' });
    expect(firmly.counters.unauthorized).toBe(0);
  });
});

test.describe('no worker available', () => {
  test('a worker file that 404s: calls are authorized through the fallback, with a coded warning', async ({
    openShop,
    firmly,
    consoleLines,
  }) => {
    const { page } = await openShop({ attributes: { 'data-sw-url': '/no-such-worker.js' } });
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(await page.evaluate(() => window.swTokenInterceptor?.session())).toMatchObject({
      path: 'page',
      deviceCreated: true,
    });
    const body = '{"quantity":2}';
    const xhr = await xhrPost(page, `${firmly.origin}${ECHO}`, body);
    expect(xhr.status).toBe(200);
    expect(JSON.parse(xhr.body)).toMatchObject({ body });
    expect(firmly.counters).toMatchObject({ unauthorized: 0, browserSession: 1 });
    expect(consoleLines).toContainEqual(
      expect.stringMatching(
        /^warning: \[sw-token-interceptor\] WorkerUnavailable: .*page instead$/,
      ),
    );
    // The storefront's own add-to-cart works as well, with no auth code.
    await page.getByTestId('add-to-cart').first().click();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
  });

  test('workers blocked: the fallback authorizes calls, and a later visit with workers keeps the device', async ({
    firmly,
  }) => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'swti-profile-'));
    const shop = await startStorefront({ apiOrigin: firmly.origin, appId: APP_ID, distDir });
    const launch = (serviceWorkers: 'block' | 'allow') =>
      chromium.launchPersistentContext(userDataDir, {
        headless: true,
        serviceWorkers,
        executablePath: chromiumExecutable(),
        args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
      });
    try {
      const blocked = await launch('block');
      const page = blocked.pages()[0] ?? (await blocked.newPage());
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(`${shop.origin}/tag-only.html`);
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      const first = await page.evaluate(() => window.swTokenInterceptor?.session());
      expect(first?.path).toBe('page');
      expect(requested.some((url) => url.includes(FALLBACK_FILE))).toBe(true);
      await blocked.close();

      const allowed = await launch('allow');
      const later = allowed.pages()[0] ?? (await allowed.newPage());
      await later.goto(`${shop.origin}/tag-only.html`);
      expect((await pageFetch(later, `${firmly.origin}${CART}`)).status).toBe(200);
      const second = await later.evaluate(() => window.swTokenInterceptor?.session());
      expect(second).toMatchObject({ path: 'worker', deviceId: first?.deviceId });
      await allowed.close();
      expect(firmly.counters).toMatchObject({
        devicesCreated: 1,
        browserSession: 1,
        unauthorized: 0,
      });
    } finally {
      await shop.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});

test('a new deployment of the worker takes over without a reload, keeping the session', async ({
  openSession,
  firmly,
  consoleLines,
}) => {
  const dir = copyOfDist('swti-dist-');
  try {
    const page = await openSession({ distDir: dir });
    const before = await page.evaluate(() => window.swTokenInterceptor?.session());
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'still the same page';
    });

    // Deploy v2: the worker file changes (a new build version), the page keeps v1's drop-in.
    const worker = path.join(dir, 'sw-token-interceptor.sw.js');
    const v1 = readFileSync(worker, 'utf8');
    const version = /0\.1\.0\+[0-9a-f]{10}/.exec(v1)?.[0] ?? '';
    expect(version).not.toBe('');
    writeFileSync(worker, v1.replaceAll(version, '0.1.0+v2'));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const changed = new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
      await registration?.update();
      await changed;
    });

    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(await page.evaluate(() => window.swTokenInterceptor?.session())).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe(
      'still the same page',
    );
    expect(navigations).toBe(0);
    expect(firmly.counters).toMatchObject({
      browserSession: 1,
      devicesCreated: 1,
      unauthorized: 0,
    });
    await expect
      .poll(() => consoleLines.join('\n'))
      .toContain(
        `VersionMismatch: Page script and worker differ in build (page ${version}, worker 0.1.0+v2)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a storefront's own worker that imports ours: cart calls are authorized, its own routes still work", async ({
  openShop,
  firmly,
  page,
}) => {
  const { origin } = await openShop({ path: '/blank.html', testPages: true });
  await page.goto(`${origin}/own-sw.html?api=${encodeURIComponent(firmly.origin)}`);
  await page.waitForFunction(() => window.swTokenInterceptor !== undefined);
  expect(await page.evaluate(() => window.swTokenInterceptor?.ready.then(() => 'ready'))).toBe(
    'ready',
  );

  expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
  expect(await page.evaluate(() => window.swTokenInterceptor?.session().then((s) => s.path))).toBe(
    'worker',
  );
  const body = '{"hello":"cart"}';
  expect(JSON.parse((await xhrPost(page, `${firmly.origin}${ECHO}`, body)).body)).toMatchObject({
    body,
  });
  expect(firmly.counters).toMatchObject({ unauthorized: 0, browserSession: 1 });

  const own = await page.evaluate(async () => {
    const route = await (await fetch('/own-route')).text();
    const asset = await fetch('/own-asset.txt');
    const registrations = await navigator.serviceWorker.getRegistrations();
    return {
      route,
      asset: await asset.text(),
      assetFrom: asset.headers.get('x-from'),
      caches: await caches.keys(),
      workers: registrations.map((r) => new URL(r.active?.scriptURL ?? '').pathname),
    };
  });
  expect(own).toEqual({
    route: 'answered by the storefront worker',
    asset: 'an asset the storefront worker caches\n',
    assetFrom: 'storefront-cache',
    caches: ['storefront-assets-v1'],
    workers: ['/own-sw.js'],
  });
});

test("a storefront's bundled Workbox worker that hosts ours through sw-token-interceptor/sw", async ({
  openShop,
  firmly,
  page,
}) => {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(path.join(tmpdir(), 'swti-bundled-'));
  try {
    await build({
      entryPoints: [path.join(import.meta.dirname, 'pages', 'bundled-sw.src.js')],
      outfile: path.join(dir, 'bundled-sw.js'),
      bundle: true,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const { origin } = await openShop({ path: '/blank.html', testPages: true, extraDirs: [dir] });
    await page.goto(
      `${origin}/own-sw.html?worker=/bundled-sw.js&api=${encodeURIComponent(firmly.origin)}`,
    );
    await page.waitForFunction(() => window.swTokenInterceptor !== undefined);
    await page.evaluate(() => window.swTokenInterceptor?.ready);
    expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
    expect(await page.evaluate(() => fetch('/bundled-route').then((r) => r.text()))).toBe(
      'answered by the bundled worker',
    );
    expect(firmly.counters).toMatchObject({ unauthorized: 0, browserSession: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
