import { startStorefront } from '../demo/storefrontServer.js';
import type { BrowserDriver } from './crossBrowser/BrowserDriver.js';
import { firefoxDriver, firefoxExecutable } from './crossBrowser/firefoxDriver.js';
import { playwrightDriver } from './crossBrowser/playwrightDriver.js';
import { scenarios } from './crossBrowser/scenarios.js';
import { APP_ID, test as base, distDir } from './fixtures.js';

const firefoxPath = firefoxExecutable();

const test = base.extend<{ shopOrigin: string }, { firefox: BrowserDriver }>({
  firefox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const driver = firefoxDriver(firefoxPath ?? '');
      await use(driver);
      await driver.close();
    },
    { scope: 'worker' },
  ],
  shopOrigin: async ({ firmly, digitalRiver }, use) => {
    const shop = await startStorefront({
      apiOrigin: firmly.origin,
      appId: APP_ID,
      distDir,
      digitalRiver: {
        siteId: 'demoSite',
        storeOrigin: digitalRiver.storeOrigin,
        apiOrigin: digitalRiver.apiOrigin,
      },
    });
    await use(shop.origin);
    await shop.close();
  },
});

// The browser of this Playwright project: Chromium, or Playwright's own Firefox and WebKit where
// the machine has them.
test.describe('this project’s browser', () => {
  for (const scenario of scenarios) {
    test(scenario.name, async ({ browser, firmly, digitalRiver, shopOrigin }) => {
      const driver = playwrightDriver(browser);
      test.skip(
        scenario.name.includes('worker restart') && browser.browserType().name() !== 'chromium',
        'Playwright can stop service workers in Chromium only',
      );
      await scenario.run({ driver, firmly, digitalRiver, shopOrigin });
    });
  }
});

// Debian's Firefox ESR over WebDriver BiDi, in the Chromium project only so it runs once.
test.describe('firefox (BiDi)', () => {
  for (const scenario of scenarios) {
    test(scenario.name, async ({ firefox, firmly, digitalRiver, shopOrigin }, testInfo) => {
      test.skip(
        testInfo.project.name !== 'chromium',
        'the Firefox lane runs in the chromium project',
      );
      test.skip(!firefoxPath, 'no Firefox found: set FIREFOX_PATH, or apt-get install firefox-esr');
      await scenario.run({ driver: firefox, firmly, digitalRiver, shopOrigin });
    });
  }
});
