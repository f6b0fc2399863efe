import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, firefox, webkit } from '@playwright/test';
import type { BrowserProbe } from './findBrowsers.js';

const types = { chromium, firefox, webkit };

/**
 * This machine as the set-up sees it: its environment, its files, Playwright's downloads, and
 * whether apt can run as root.
 *
 * @returns the probe and the install abilities
 */
export function thisMachine(): BrowserProbe & {
  root: boolean;
  sudo: boolean;
  apt: boolean;
} {
  const root = process.getuid?.() === 0;
  return {
    env: process.env,
    exists: existsSync,
    playwrightExecutable(type) {
      try {
        const file = types[type].executablePath();
        return existsSync(file) ? file : undefined;
      } catch {
        return undefined;
      }
    },
    root,
    // Asked only when an install is due. -n: never prompt; a sudo that needs a password counts as none.
    get sudo() {
      return !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
    },
    apt: existsSync('/usr/bin/apt-get'),
  };
}
