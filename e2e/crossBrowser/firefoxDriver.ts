import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowsers } from '../setup/findBrowsers.js';
import { thisMachine } from '../setup/thisMachine.js';
import type { BrowserDriver, DriverPage } from './BrowserDriver.js';

// Idle workers stop after this long, which is how a scenario restarts them: BiDi has no command.
const IDLE_TIMEOUT_MS = 1000;

/**
 * Finds a Firefox to drive over BiDi: `FIREFOX_PATH` (when it exists), then Debian's ESR.
 * Playwright's own Firefox runs in a Playwright project instead.
 *
 * @returns the executable, or undefined when there is none
 */
export function firefoxExecutable(): string | undefined {
  return findBrowsers(thisMachine()).firefox?.executable;
}

async function launch(
  executablePath: string,
  workersDisabled: boolean,
  restartableWorkers: boolean,
): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'dom.serviceWorkers.enabled': !workersDisabled,
      ...(restartableWorkers && {
        'dom.serviceWorkers.idle_timeout': IDLE_TIMEOUT_MS,
        'dom.serviceWorkers.idle_extended_timeout': IDLE_TIMEOUT_MS,
      }),
    },
  });
}

/**
 * Drives Firefox over WebDriver BiDi with puppeteer-core. Workers can only be disabled for a
 * whole browser (a pref), so a second browser is launched for that, when first needed.
 *
 * @param executablePath - the Firefox executable
 * @param options - `restartableWorkers: false` keeps Firefox's own idle timeout (30 s), for
 *   scenarios whose worker must stay up, such as one whose clock was moved
 * @returns the driver
 */
export function firefoxDriver(
  executablePath: string,
  options: { restartableWorkers?: boolean } = {},
): BrowserDriver {
  const restartableWorkers = options.restartableWorkers ?? true;
  const browsers = new Map<boolean, Promise<Browser>>();
  const browserFor = (workersDisabled: boolean) => {
    let browser = browsers.get(workersDisabled);
    if (!browser) {
      browser = launch(executablePath, workersDisabled, restartableWorkers);
      browsers.set(workersDisabled, browser);
    }
    return browser;
  };
  return {
    name: 'firefox (BiDi)',
    async newPage(options = {}) {
      // A new browser context starts with clean worker and storage state.
      const context = await (await browserFor(!!options.workersDisabled)).createBrowserContext();
      const page = await context.newPage();
      const driverPage: DriverPage = {
        canRestartWorkers: restartableWorkers,
        async goto(url) {
          await page.goto(url);
        },
        // puppeteer's types flatten handles; the scenarios pass plain serialisable values only.
        evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
        async restartWorkers() {
          if (!restartableWorkers) throw new Error('this Firefox keeps its idle workers running');
          await new Promise((resolve) => setTimeout(resolve, IDLE_TIMEOUT_MS * 3));
        },
        close: () => context.close(),
      };
      return driverPage;
    },
    async close() {
      await Promise.all([...browsers.values()].map(async (browser) => (await browser).close()));
    },
  };
}
