import { findBrowsers } from './setup/findBrowsers.js';
import { thisMachine } from './setup/thisMachine.js';

/**
 * Finds Chromium the way a user's machine would have it: `CHROMIUM_PATH` (when it exists), then
 * Debian's `/usr/bin/chromium`, then (undefined) the browser Playwright manages itself.
 *
 * @returns an executable path, or undefined for Playwright's own
 */
export function chromiumExecutable(): string | undefined {
  return findBrowsers(thisMachine()).chromium?.executable;
}
