/**
 * `sw-token-interceptor/playwright`: a Playwright fixture for a storefront's own test suite. It
 * starts a Firmly and a Digital River emulator per test worker, resets them before each test,
 * and routes the browser's calls to the real API origins to them, so the storefront's HTML and
 * code stay as they ship. Playwright is a peer dependency.
 *
 * @example
 * ```ts
 * import { expect, test } from 'sw-token-interceptor/playwright';
 *
 * test('add to cart works for a first-time shopper', async ({ page, firmly }) => {
 *   await page.goto('/');
 *   await page.getByRole('button', { name: 'Add to cart' }).first().click();
 *   await expect(page.getByTestId('cart-count')).toHaveText('1');
 *   expect(firmly.counters.browserSession).toBe(1);
 * });
 * ```
 *
 * @packageDocumentation
 */
import { test as base } from '@playwright/test';
import { MIRRORED_CORS } from './emulator/cors/mirroredCors.js';
import {
  type DigitalRiverEmulator,
  type FirmlyEmulator,
  startDigitalRiverEmulator,
  startFirmlyEmulator,
} from './emulator.js';
import { routeOrigin } from './routeOrigin.js';

/** Options, set with `test.use({ … })` or in `playwright.config`. */
export interface EmulatorOptions {
  /** The Firmly API origin the storefront calls; routed to the emulator. Default `https://api.firmly.work`. */
  firmlyApiOrigin: string;
  /** The Digital River API origin; routed to the emulator. Default `https://api.digitalriver.com`. */
  digitalRiverApiOrigin: string;
  /** The Digital River store origin; routed to the emulator. Default `https://store.digitalriver.com`. */
  digitalRiverStoreOrigin: string;
}

/** Per-worker options: the emulators live as long as the test worker. */
export interface EmulatorWorkerOptions {
  /** Application ids the Firmly emulator accepts. Default `'any'`. */
  firmlyAppIds: string[] | 'any';
  /** The Digital River site id the store serves. Default `demoSite`. */
  digitalRiverSiteId: string;
  /**
   * Public API keys the Digital River emulator accepts, on SessionToken and as the client's
   * identification on `oauth20/token` (required, as by the real API): the storefront's
   * `data-api-key` must be one of them. Default `'any'`: every key, so your pages run with their
   * real key, and a page without one is refused as the real API would refuse it.
   */
  digitalRiverApiKeys: string[] | 'any';
}

/** What a test receives. */
export interface EmulatorFixtures {
  /** The Firmly emulator, reset before the test; the context's calls to `firmlyApiOrigin` reach it. */
  firmly: FirmlyEmulator;
  /** The Digital River emulator, reset before the test; the context's calls to its origins reach it. */
  digitalRiver: DigitalRiverEmulator;
}

interface WorkerEmulators {
  firmlyEmulator: FirmlyEmulator;
  digitalRiverEmulator: DigitalRiverEmulator;
}

/** Playwright's `test`, with the {@link EmulatorFixtures}. */
export const test = base.extend<
  EmulatorFixtures & EmulatorOptions,
  EmulatorWorkerOptions & WorkerEmulators
>({
  firmlyApiOrigin: ['https://api.firmly.work', { option: true }],
  digitalRiverApiOrigin: ['https://api.digitalriver.com', { option: true }],
  digitalRiverStoreOrigin: ['https://store.digitalriver.com', { option: true }],
  firmlyAppIds: ['any', { option: true, scope: 'worker' }],
  digitalRiverSiteId: ['demoSite', { option: true, scope: 'worker' }],
  digitalRiverApiKeys: ['any', { option: true, scope: 'worker' }],
  firmlyEmulator: [
    async ({ firmlyAppIds }, use) => {
      const emulator = await startFirmlyEmulator({ appIds: firmlyAppIds, testControls: true });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker' },
  ],
  digitalRiverEmulator: [
    async ({ digitalRiverSiteId, digitalRiverApiKeys }, use) => {
      const emulator = await startDigitalRiverEmulator({
        siteId: digitalRiverSiteId,
        apiKeys: digitalRiverApiKeys,
        testControls: true,
      });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker' },
  ],
  firmly: async ({ firmlyEmulator, context, firmlyApiOrigin }, use) => {
    firmlyEmulator.reset();
    firmlyEmulator.setTokenLifetime(3600);
    firmlyEmulator.setRenewWindow(7 * 24 * 3600);
    firmlyEmulator.setCors(MIRRORED_CORS);
    firmlyEmulator.setNow(() => Date.now());
    await routeOrigin(context, firmlyApiOrigin, firmlyEmulator.origin);
    await use(firmlyEmulator);
  },
  digitalRiver: async (
    { digitalRiverEmulator, context, digitalRiverApiOrigin, digitalRiverStoreOrigin },
    use,
  ) => {
    digitalRiverEmulator.reset();
    digitalRiverEmulator.setAccessTokenLifetime(86397);
    digitalRiverEmulator.setCors(MIRRORED_CORS);
    digitalRiverEmulator.setNow(() => Date.now());
    await routeOrigin(context, digitalRiverApiOrigin, digitalRiverEmulator.apiOrigin);
    await routeOrigin(context, digitalRiverStoreOrigin, digitalRiverEmulator.storeOrigin);
    await use(digitalRiverEmulator);
  },
});

export { expect } from '@playwright/test';
export * from './emulator.js';
export { routeOrigin } from './routeOrigin.js';
