import type { Browser } from '@playwright/test';
import type { BrowserDriver, DriverPage } from './BrowserDriver.js';

/**
 * Wraps a Playwright browser. Workers are stopped through the DevTools protocol, so only in
 * Chromium.
 *
 * @param browser - the browser Playwright launched for this project
 * @returns the driver
 */
export function playwrightDriver(browser: Browser): BrowserDriver {
  const chromium = browser.browserType().name() === 'chromium';
  return {
    name: `playwright ${browser.browserType().name()}`,
    async newPage(options = {}) {
      const context = await browser.newContext({
        serviceWorkers: options.workersDisabled ? 'block' : 'allow',
      });
      const page = await context.newPage();
      const driverPage: DriverPage = {
        canRestartWorkers: chromium,
        async goto(url) {
          await page.goto(url);
        },
        // Playwright's types unbox handles; the scenarios pass plain serialisable values only.
        evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
        async restartWorkers() {
          const cdp = await context.newCDPSession(page);
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await cdp.detach();
        },
        close: () => context.close(),
      };
      return driverPage;
    },
    close: async () => undefined,
  };
}
