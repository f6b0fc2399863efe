import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer.js';
import {
  type FirmlyEmulator,
  startFirmlyEmulator,
} from '../testing/emulator/firmly/firmlyEmulator.js';
import { test as base, expect } from '../testing/playwright.js';
import { pageFetch } from './pageCalls.js';

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
  /** More origins that get the token: the tag then says `data-api-origins`. */
  alsoApiOrigins?: string[];
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

/** The Digital River site the demo storefront's Digital River shop names. */
export const DR_SITE_ID = 'demoSite';
/** The public API key the demo storefront's Digital River tag carries. */
export const DR_API_KEY = 'demo-public-key';

/** Opens a Digital River storefront page, configured against the test's emulator. */
export type OpenDrShop = (options?: {
  /** `data-api-key`; the demo key unless given, `null` for none. */
  apiKey?: string | null;
  path?: '/digitalriver.html' | '/digitalriver-tag-only.html';
  attributes?: Record<string, string>;
  /** Serve the library from another build (a test variant of dist/). */
  distDir?: string;
}) => Promise<Page>;

/**
 * Opens the tag-only page and makes one cart call there, which must be authorized: a shopper
 * who has a session.
 */
export type OpenSession = (options?: {
  /** Serve the library from another build (a test variant of dist/). */
  distDir?: string;
}) => Promise<Page>;

interface Fixtures {
  /** Serves the demo storefront (on `localhost`, the API being on `127.0.0.1`) and opens it. */
  openShop: OpenShop;
  openSession: OpenSession;
  /** Serves the demo storefront and opens its Digital River shop (the tag-only page by default). */
  openDrShop: OpenDrShop;
  /**
   * A second Firmly API on an origin the tag does not list, with test controls: what reaches it
   * shows whether a token went where it must not.
   */
  unlistedApi: FirmlyEmulator;
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

/**
 * Our scenarios. They run on the fixture storefront teams use (`sw-token-interceptor/playwright`),
 * so every CI run exercises it: an emulator per test worker, reset before each test. A
 * storefront server per test serves the demo pages against it.
 */
export const test = base.extend<Fixtures>({
  // A strict emulator, so a wrong application id is refused as Firmly would refuse it.
  firmlyAppIds: [[APP_ID], { scope: 'worker' }],
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
        ...(options.alsoApiOrigins ? { alsoApiOrigins: options.alsoApiOrigins } : {}),
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
  openDrShop: async ({ page, digitalRiver, firmly, consoleLines: _ }, use) => {
    const servers: { close(): Promise<void> }[] = [];
    await page.addInitScript(recordEvents);
    await use(async (options = {}) => {
      const shop = await startStorefront({
        apiOrigin: firmly.origin,
        appId: APP_ID,
        distDir: options.distDir ?? distDir,
        extraTagAttributes: options.attributes ?? {},
        digitalRiver: {
          siteId: DR_SITE_ID,
          storeOrigin: digitalRiver.storeOrigin,
          apiOrigin: digitalRiver.apiOrigin,
          ...(options.apiKey === null ? {} : { apiKey: options.apiKey ?? DR_API_KEY }),
        },
      });
      servers.push(shop);
      await page.goto(`${shop.origin}${options.path ?? '/digitalriver-tag-only.html'}`);
      return page;
    });
    await page.close();
    await Promise.all(servers.map((s) => s.close()));
  },
  openSession: async ({ openShop, firmly }, use) => {
    await use(async (options = {}) => {
      const { page } = await openShop({ ...options, path: '/tag-only.html' });
      expect((await pageFetch(page, `${firmly.origin}${CART}`)).status).toBe(200);
      return page;
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  unlistedApi: async ({}, use) => {
    const api = await startFirmlyEmulator({ testControls: true });
    await use(api);
    await api.close();
  },
});

export { expect };
