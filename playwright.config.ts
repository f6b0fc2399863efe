import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/chromiumExecutable';

export default defineConfig({
  testDir: 'e2e',
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
