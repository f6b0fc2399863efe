import { describe, expect, it } from 'vitest';
import { type BrowserProbe, DEBIAN_PATHS, findBrowsers } from './findBrowsers.js';

const MINI = DEBIAN_PATHS.miniBrowsers[0] ?? '';
const DEBIAN = [
  DEBIAN_PATHS.chromium,
  DEBIAN_PATHS.firefox,
  DEBIAN_PATHS.webkitDriver,
  DEBIAN_PATHS.xvfb,
  MINI,
];

function machine(
  files: string[],
  env: Record<string, string> = {},
  playwright: string[] = [],
): BrowserProbe {
  return {
    env,
    exists: (file) => files.includes(file),
    playwrightExecutable: (type) => (playwright.includes(type) ? `/pw/${type}` : undefined),
  };
}

describe('findBrowsers', () => {
  it('a Debian machine with the packages installed: every lane from Debian', () => {
    expect(findBrowsers(machine(DEBIAN))).toEqual({
      chromium: { source: 'debian', executable: '/usr/bin/chromium' },
      firefox: { source: 'debian', executable: '/usr/lib/firefox-esr/firefox-esr' },
      webkitGtk: {
        source: 'debian',
        driver: '/usr/bin/WebKitWebDriver',
        browser: MINI,
        xvfb: '/usr/bin/Xvfb',
      },
      playwrightWebkit: undefined,
      badVariables: [],
    });
  });

  it("a user's variables win over Debian's paths", () => {
    const found = findBrowsers(
      machine(
        [...DEBIAN, '/opt/chrome', '/opt/ff', '/build/WebKitWebDriver', '/build/MiniBrowser'],
        {
          CHROMIUM_PATH: '/opt/chrome',
          FIREFOX_PATH: '/opt/ff',
          WEBKIT_DRIVER_PATH: '/build/WebKitWebDriver',
        },
      ),
    );
    expect(found.chromium).toEqual({ source: 'env', executable: '/opt/chrome' });
    expect(found.firefox).toEqual({ source: 'env', executable: '/opt/ff' });
    expect(found.webkitGtk).toMatchObject({
      source: 'env',
      driver: '/build/WebKitWebDriver',
      browser: '/build/MiniBrowser',
    });
  });

  it('variables pointing nowhere are reported and the Debian packages used instead', () => {
    const found = findBrowsers(
      machine(DEBIAN, { CHROMIUM_PATH: '/nowhere/chromium', FIREFOX_PATH: '/nowhere/firefox' }),
    );
    expect(found.badVariables).toEqual([
      'CHROMIUM_PATH=/nowhere/chromium',
      'FIREFOX_PATH=/nowhere/firefox',
    ]);
    expect(found.chromium?.source).toBe('debian');
    expect(found.firefox?.source).toBe('debian');
  });

  it("a machine with only Playwright's downloads: its own browsers, and no WebKitGTK lane", () => {
    const found = findBrowsers(machine([], {}, ['chromium', 'firefox', 'webkit']));
    expect(found).toMatchObject({
      chromium: { source: 'playwright' },
      firefox: { source: 'playwright' },
      webkitGtk: undefined,
      playwrightWebkit: { source: 'playwright' },
    });
  });

  it('WebKitGTK needs its driver, MiniBrowser and Xvfb together', () => {
    const noXvfb = DEBIAN.filter((file) => file !== DEBIAN_PATHS.xvfb);
    expect(findBrowsers(machine(noXvfb)).webkitGtk).toBeUndefined();
    const noBrowser = DEBIAN.filter((file) => file !== MINI);
    expect(findBrowsers(machine(noBrowser)).webkitGtk).toBeUndefined();
  });

  it('a fresh machine: nothing found', () => {
    expect(findBrowsers(machine([]))).toEqual({
      chromium: undefined,
      firefox: undefined,
      webkitGtk: undefined,
      playwrightWebkit: undefined,
      badVariables: [],
    });
  });
});
