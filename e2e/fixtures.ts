import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { type FirmlyEmulator, startFirmlyEmulator } from '../demo/emulator/firmlyEmulator';
import { startStorefront } from '../demo/storefrontServer';

/** The built library. */
export const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** Pages and workers that play a storefront's own code in tests. */
const testPagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'pages');

/** The app id the emulator accepts. */
export const APP_ID = 'demo-app';
/** A cart path on the emulator. */
export const CART = '/api/v2/domains/staging.luma.gift/cart';

/** Starts a storefront page server for one test. */
export type OpenShop = (options?: {
  appId?: string;
  apiOrigin?: string;
  attributes?: Record<string, string>;
  /** Serve the library from another build (a test variant of dist/). */
  distDir?: string;
  /** The page to open: the shop (`/`) or `/tag-only.html`, which makes no calls of its own. */
  path?: string;
  /** Serve e2e/pages/ too (test pages and workers of a storefront's own). */
  testPages?: boolean;
  /** More folders to serve files from. */
  extraDirs?: string[];
}) => Promise<{ origin: string; page: Page }>;

interface Fixtures {
  /** The Firmly emulator of this test worker, reset before each test. */
  firmly: FirmlyEmulator;
  /** Serves the demo storefront (on `localhost`, the API being on `127.0.0.1`) and opens it. */
  openShop: OpenShop;
  /** Everything the page logged, for assertions about errors and leaks. */
  consoleLines: string[];
}

type EventLog = { type: string; detail: unknown }[];

/**
 * Runs in the page before any script (`page.addInitScript`): subscribes to the handle the moment
 * the drop-in sets it, so a test sees events that fire before it could have subscribed itself.
 */
export function recordEvents() {
  const w = window as unknown as { __events: EventLog; swTokenInterceptor?: unknown };
  w.__events = [];
  let handle: unknown;
  Object.defineProperty(window, 'swTokenInterceptor', {
    configurable: true,
    get: () => handle,
    set: (value: { on(event: string, cb: (detail: unknown) => void): void }) => {
      handle = value;
      for (const type of ['session', 'error', 'intercept']) {
        value.on(type, (detail) => w.__events.push({ type, detail }));
      }
    },
  });
}

/**
 * @returns the details of every event of one type the page's handle emitted so far
 */
export function pageEvents(
  page: Page,
  type: 'session' | 'error' | 'intercept',
): Promise<unknown[]> {
  return page.evaluate(
    (type) =>
      (window as unknown as { __events: EventLog }).__events
        .filter((event) => event.type === type)
        .map((event) => event.detail),
    type,
  );
}

/** Our scenarios, with an emulator per test worker and a storefront per test. */
export const test = base.extend<Fixtures, { workerFirmly: FirmlyEmulator }>({
  workerFirmly: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const emulator = await startFirmlyEmulator({ testControls: true, appIds: [APP_ID] });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker' },
  ],
  firmly: async ({ workerFirmly }, use) => {
    workerFirmly.reset();
    workerFirmly.setTokenLifetime(3600);
    workerFirmly.setNow(() => Date.now());
    await use(workerFirmly);
  },
  consoleLines: async ({ page }, use) => {
    const lines: string[] = [];
    page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
    await use(lines);
  },
  openShop: async ({ page, firmly, consoleLines: _ }, use) => {
    await page.addInitScript(recordEvents);
    const servers: { close(): Promise<void> }[] = [];
    await use(async (options = {}) => {
      const shop = await startStorefront({
        apiOrigin: options.apiOrigin ?? firmly.origin,
        appId: options.appId ?? APP_ID,
        distDir: options.distDir ?? distDir,
        extraTagAttributes: options.attributes ?? {},
        extraStaticDirs: [
          ...(options.testPages ? [testPagesDir] : []),
          ...(options.extraDirs ?? []),
        ],
      });
      servers.push(shop);
      await page.goto(`${shop.origin}${options.path ?? '/'}`);
      return { origin: shop.origin, page };
    });
    await page.close();
    await Promise.all(servers.map((s) => s.close()));
  },
});

export { expect } from '@playwright/test';
