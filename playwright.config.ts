import { existsSync } from 'node:fs';
import { type BrowserType, defineConfig, firefox, type Project, webkit } from '@playwright/test';
import { chromiumExecutable } from './e2e/chromiumExecutable';

// Playwright's own Firefox and WebKit, where a user installed them (`npx playwright install`):
// they run the cross-browser scenarios too. Where missing, they are skipped, and said so.
function installed(type: BrowserType): boolean {
  try {
    return existsSync(type.executablePath());
  } catch {
    return false;
  }
}
const ownBrowsers: Project[] = [];
for (const type of [firefox, webkit]) {
  if (installed(type)) {
    ownBrowsers.push({
      name: type.name(),
      testMatch: 'crossBrowser.spec.ts',
      use: { browserName: type.name() as 'firefox' | 'webkit' },
    });
  } else if (process.env.TEST_WORKER_INDEX === undefined) {
    // Said once, by the runner, not again by each test worker that loads this file.
    console.log(
      `Playwright's own ${type.name()} is not installed: its project is skipped (npx playwright install ${type.name()}).`,
    );
  }
}

export default defineConfig({
  testDir: 'e2e',
  // Only scenarios: e2e/setup/ holds unit tests of the browser set-up, which vitest runs.
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: chromiumExecutable(),
      // This machine's network is closed: background fetches only produce refused connections.
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
    },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }, ...ownBrowsers],
});
