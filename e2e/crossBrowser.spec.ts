import { allScenarios } from './crossBrowser/allScenarios.js';
import { crossBrowserTest as test } from './crossBrowser/crossBrowserTest.js';
import { playwrightDriver } from './crossBrowser/playwrightDriver.js';

// The browser of this Playwright project: Chromium, or Playwright's own Firefox and WebKit where
// the machine has them. Debian's Firefox ESR and WebKitGTK have lanes of their own
// (crossBrowserFirefox.spec.ts, crossBrowserWebkit.spec.ts), so the lanes run side by side.
test.describe('this project’s browser', () => {
  for (const { scenario, restartsWorkers } of allScenarios) {
    test(scenario.name, async ({ browser, firmly, digitalRiver, shopOrigin }) => {
      const driver = playwrightDriver(browser);
      test.skip(
        restartsWorkers && browser.browserType().name() !== 'chromium',
        'Playwright can stop service workers in Chromium only',
      );
      await scenario.run({ driver, firmly, digitalRiver, shopOrigin });
    });
  }
});
