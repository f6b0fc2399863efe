import { allScenarios } from './crossBrowser/allScenarios.js';
import type { BrowserDriver } from './crossBrowser/BrowserDriver.js';
import { crossBrowserTest } from './crossBrowser/crossBrowserTest.js';
import { firefoxDriver, firefoxExecutable } from './crossBrowser/firefoxDriver.js';

const firefoxPath = firefoxExecutable();

const test = crossBrowserTest.extend<
  object,
  { firefox: BrowserDriver; firefoxSteady: BrowserDriver }
>({
  firefox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const driver = firefoxDriver(firefoxPath ?? '');
      await use(driver);
      await driver.close();
    },
    { scope: 'worker' },
  ],
  firefoxSteady: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const driver = firefoxDriver(firefoxPath ?? '', { restartableWorkers: false });
      await use(driver);
      await driver.close();
    },
    { scope: 'worker' },
  ],
});

// Debian's Firefox ESR over WebDriver BiDi, in the Chromium project only so it runs once.
test.describe('firefox (BiDi)', () => {
  for (const { scenario, movesClock, waitsOnWorker } of allScenarios) {
    test(
      scenario.name,
      async ({ firefox, firefoxSteady, firmly, digitalRiver, shopOrigin }, testInfo) => {
        test.skip(
          testInfo.project.name !== 'chromium',
          'the Firefox lane runs in the chromium project',
        );
        test.skip(
          !firefoxPath,
          'no Firefox found: set FIREFOX_PATH, or apt-get install firefox-esr',
        );
        // The Firefox that stops idle workers within a second (to restart them) would drop a
        // moved clock with them, and a call that waits on its worker for seconds: these
        // scenarios get one that keeps its workers.
        const driver = movesClock || waitsOnWorker ? firefoxSteady : firefox;
        await scenario.run({ driver, firmly, digitalRiver, shopOrigin });
      },
    );
  }
});
