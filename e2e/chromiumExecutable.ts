import { existsSync } from 'node:fs';

/**
 * Finds Chromium the way a user's machine would have it: `CHROMIUM_PATH`, then Debian's
 * `/usr/bin/chromium`, then (undefined) the browser Playwright manages itself.
 *
 * @returns an executable path, or undefined for Playwright's own
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}
