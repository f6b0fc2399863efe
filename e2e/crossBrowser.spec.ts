import path from 'node:path';
import { startStorefront } from '../demo/storefrontServer.js';
import type { BrowserDriver } from './crossBrowser/BrowserDriver.js';
import { firefoxDriver, firefoxExecutable } from './crossBrowser/firefoxDriver.js';
import { clockScenarios, lifecycleScenarios } from './crossBrowser/lifecycleScenarios.js';
import { playwrightDriver } from './crossBrowser/playwrightDriver.js';
import { type Scenario, scenarios } from './crossBrowser/scenarios.js';
import { webkitDriver } from './crossBrowser/webkitDriver.js';
import { APP_ID, test as base } from './fixtures.js';
import { movableClockDist } from './movableClockDist.js';
import { findBrowsers } from './setup/findBrowsers.js';
import { thisMachine } from './setup/thisMachine.js';

const firefoxPath = firefoxExecutable();
const webkitGtk = findBrowsers(thisMachine()).webkitGtk;
const testPagesDir = path.resolve(import.meta.dirname, 'pages');

/** Every story, each with the set it belongs to. */
const all: { scenario: Scenario; movesClock: boolean }[] = [
  ...[...scenarios, ...lifecycleScenarios].map((scenario) => ({ scenario, movesClock: false })),
  ...clockScenarios.map((scenario) => ({ scenario, movesClock: true })),
];
const restartsWorkers = (scenario: Scenario) => scenario.name.includes('worker restart');

const test = base.extend<
  { shopOrigin: string },
  { firefox: BrowserDriver; firefoxSteady: BrowserDriver; webkit: BrowserDriver }
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
  webkit: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const driver = webkitGtk ? webkitDriver(webkitGtk) : undefined;
      // biome-ignore lint/style/noNonNullAssertion: only used by tests that skip without it.
      await use(driver!);
      await driver?.close();
    },
    { scope: 'worker' },
  ],
  shopOrigin: async ({ firmly, digitalRiver }, use) => {
    const shop = await startStorefront({
      apiOrigin: firmly.origin,
      appId: APP_ID,
      // Served with a clock the scenarios can move: at rest it is the real one.
      distDir: movableClockDist(),
      extraStaticDirs: [testPagesDir],
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
  for (const { scenario } of all) {
    test(scenario.name, async ({ browser, firmly, digitalRiver, shopOrigin }) => {
      const driver = playwrightDriver(browser);
      test.skip(
        restartsWorkers(scenario) && browser.browserType().name() !== 'chromium',
        'Playwright can stop service workers in Chromium only',
      );
      await scenario.run({ driver, firmly, digitalRiver, shopOrigin });
    });
  }
});

// Debian's Firefox ESR over WebDriver BiDi, in the Chromium project only so it runs once.
test.describe('firefox (BiDi)', () => {
  for (const { scenario, movesClock } of all) {
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
        // The browser that restarts idle workers within a second would drop a moved clock with them.
        const driver = movesClock ? firefoxSteady : firefox;
        await scenario.run({ driver, firmly, digitalRiver, shopOrigin });
      },
    );
  }
});

// Debian's WebKitGTK, the engine Safari is built on, over W3C WebDriver; in the Chromium project.
test.describe('webkit (WebKitGTK)', () => {
  for (const { scenario } of all) {
    test(scenario.name, async ({ webkit, firmly, digitalRiver, shopOrigin }, testInfo) => {
      test.skip(
        testInfo.project.name !== 'chromium',
        'the WebKit lane runs in the chromium project',
      );
      test.skip(
        !webkitGtk,
        'no WebKitGTK found: apt-get install webkit2gtk-driver xvfb xauth libwebkit2gtk-4.1-0, or set WEBKIT_DRIVER_PATH',
      );
      test.skip(restartsWorkers(scenario), 'WebDriver cannot stop a service worker in WebKitGTK');
      await scenario.run({ driver: webkit, firmly, digitalRiver, shopOrigin });
    });
  }
});
