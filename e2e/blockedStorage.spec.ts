import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import type { SwTokenInterceptor } from '../client/SwTokenInterceptor.js';
import { type Storefront, startStorefront } from '../demo/storefrontServer.js';
import { chromiumExecutable } from './chromiumExecutable.js';
import { firefoxExecutable } from './crossBrowser/firefoxDriver.js';
import { APP_ID, CART, distDir, expect, test } from './fixtures.js';

// With site data blocked, every engine also refuses service workers (Chromium: "The user denied
// permission to use Service Worker"; Firefox: SecurityError), so the in-page fallback serves, and
// Web Locks and IndexedDB refuse it too.

const testPagesDir = path.resolve(import.meta.dirname, 'pages');

/** A page, or a frame in one, of whichever engine. */
interface Evaluating {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * The shopper's storefront code as the page starts: a dozen cart calls at once, `fetch` and XHR.
 *
 * @returns each call's status
 */
function cartCallsAtOnce(page: Evaluating, url: string): Promise<number[]> {
  return page.evaluate(async (url) => {
    const xhr = () =>
      new Promise<number>((resolve) => {
        const request = new XMLHttpRequest();
        request.open('GET', url);
        request.onloadend = () => resolve(request.status);
        request.send();
      });
    const calls = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0 ? xhr() : fetch(url).then((response) => response.status),
    );
    return Promise.all(calls);
  }, url);
}

/** @returns which host attaches the token: with site data blocked, no worker can */
function sessionPath(page: Evaluating): Promise<string> {
  return page.evaluate(async () => {
    const handle = (window as unknown as { swTokenInterceptor: SwTokenInterceptor })
      .swTokenInterceptor;
    return (await handle.session()).path;
  }, undefined);
}

const shops: Storefront[] = [];
test.afterEach(async () => {
  await Promise.all(shops.splice(0).map((shop) => shop.close()));
});

async function shop(firmlyOrigin: string, host?: string): Promise<Storefront> {
  const started = await startStorefront({
    apiOrigin: firmlyOrigin,
    appId: APP_ID,
    distDir,
    extraStaticDirs: [testPagesDir],
    ...(host ? { host } : {}),
  });
  shops.push(started);
  return started;
}

test.describe('a shopper whose browser blocks site data', () => {
  test.skip(({ browserName }) => browserName !== 'chromium', 'drives each engine itself, once');

  test('Chromium, cookies and site data blocked: every call carries the token, one token request, one warning', async ({
    firmly,
  }) => {
    const profile = mkdtempSync(path.join(tmpdir(), 'swti-blocked-'));
    mkdirSync(path.join(profile, 'Default'));
    // The content setting "Sites can't save data on your device", as a shopper sets it.
    writeFileSync(
      path.join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      headless: true,
      args: ['--disable-gpu'],
    });
    try {
      const lines: string[] = [];
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
      const { origin } = await shop(firmly.origin);
      await page.goto(`${origin}/tag-only.html`);
      expect(await cartCallsAtOnce(page, `${firmly.origin}${CART}`)).toEqual(Array(12).fill(200));
      expect(await cartCallsAtOnce(page, `${firmly.origin}${CART}`)).toEqual(Array(12).fill(200));
      expect(await sessionPath(page)).toBe('page');
      expect(firmly.counters.browserSession).toBe(1);
      expect(lines.filter((line) => line.includes('StorageUnavailable'))).toEqual([
        expect.stringMatching(/^warning: \[sw-token-interceptor\] StorageUnavailable: /),
      ]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  for (const { story, cookieBehavior, embedded } of [
    { story: 'Firefox, cookies and site data blocked', cookieBehavior: 2, embedded: false },
    {
      story: 'Firefox rejecting third-party cookies, the shop embedded in a cross-site frame',
      cookieBehavior: 1,
      embedded: true,
    },
  ]) {
    test(`${story}: every call carries the token, one token request, one warning`, async ({
      firmly,
    }) => {
      const executablePath = firefoxExecutable();
      test.skip(
        !executablePath,
        'no Firefox found: set FIREFOX_PATH, or apt-get install firefox-esr',
      );
      const browser = await puppeteer.launch({
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath: executablePath ?? '',
        headless: true,
        extraPrefsFirefox: { 'network.cookie.cookieBehavior': cookieBehavior },
      });
      try {
        const page = await browser.newPage();
        const lines: string[] = [];
        page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
        const { origin } = await shop(firmly.origin);
        let target = page as unknown as Evaluating;
        if (embedded) {
          // Another site (127.0.0.1 against the shop's localhost) embeds the shop.
          const embedder = await shop(firmly.origin, '127.0.0.1');
          const shopUrl = `${origin}/tag-only.html`;
          await page.goto(
            `${embedder.origin}/embedded-shop.html?shop=${encodeURIComponent(shopUrl)}`,
          );
          const frame = await page.waitForFrame((f) => f.url() === shopUrl);
          await frame.waitForFunction(() => 'swTokenInterceptor' in window);
          target = frame as unknown as Evaluating;
        } else {
          await page.goto(`${origin}/tag-only.html`);
        }
        expect(await cartCallsAtOnce(target, `${firmly.origin}${CART}`)).toEqual(
          Array(12).fill(200),
        );
        expect(await sessionPath(target)).toBe('page');
        expect(firmly.counters.browserSession).toBe(1);
        expect(lines.filter((line) => line.includes('StorageUnavailable'))).toEqual([
          expect.stringMatching(/^warn(ing)?: \[sw-token-interceptor\] StorageUnavailable: /),
        ]);
      } finally {
        await browser.close();
      }
    });
  }
});
