import { allScenarios } from './crossBrowser/allScenarios.js';
import type { BrowserDriver } from './crossBrowser/BrowserDriver.js';
import { crossBrowserTest } from './crossBrowser/crossBrowserTest.js';
import { webkitDriver } from './crossBrowser/webkitDriver.js';
import { findBrowsers } from './setup/findBrowsers.js';
import { thisMachine } from './setup/thisMachine.js';

const webkitGtk = findBrowsers(thisMachine()).webkitGtk;

const test = crossBrowserTest.extend<object, { webkit: BrowserDriver | undefined }>({
  webkit: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const driver = webkitGtk && webkitDriver(webkitGtk);
      await use(driver);
      await driver?.close();
    },
    { scope: 'worker' },
  ],
});

// Debian's WebKitGTK, the engine Safari is built on, over W3C WebDriver; in the Chromium project
// only so it runs once.
test.describe('webkit (WebKitGTK)', () => {
  for (const { scenario, restartsWorkers } of allScenarios) {
    test(scenario.name, async ({ webkit, firmly, digitalRiver, shopOrigin }, testInfo) => {
      test.skip(
        testInfo.project.name !== 'chromium',
        'the WebKit lane runs in the chromium project',
      );
      test.skip(
        !webkit,
        'no WebKitGTK: apt-get install webkit2gtk-driver xvfb xauth libwebkit2gtk-4.1-0, or set WEBKIT_DRIVER_PATH',
      );
      test.skip(restartsWorkers, 'WebDriver has no command to stop a service worker in WebKitGTK');
      if (!webkit) return;
      await scenario.run({ driver: webkit, firmly, digitalRiver, shopOrigin });
    });
  }
});
