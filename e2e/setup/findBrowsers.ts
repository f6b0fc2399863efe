import path from 'node:path';

/** Where a browser of the suite was found: a variable the user set, Debian's package, or Playwright's download. */
export type BrowserSource = 'env' | 'debian' | 'playwright';

/** Chromium or Firefox: one executable (none when Playwright launches its own). */
export interface FoundBrowser {
  source: BrowserSource;
  /** The executable; undefined for Playwright's own, which Playwright finds itself. */
  executable?: string;
}

/** WebKitGTK's WebDriver lane: a driver, the MiniBrowser it launches, and a virtual display. */
export interface FoundWebKitGtk {
  source: 'env' | 'debian';
  driver: string;
  browser: string;
  xvfb: string;
}

/** What the suite can run on this machine; a missing lane is undefined. */
export interface FoundBrowsers {
  chromium?: FoundBrowser;
  firefox?: FoundBrowser;
  /** WebKitGTK over WebDriver (Debian's `webkit2gtk-driver`). */
  webkitGtk?: FoundWebKitGtk;
  /** Playwright's own WebKit build, a lane of its own where installed. */
  playwrightWebkit?: FoundBrowser;
  /** Environment variables set to a path that does not exist, each with its value. */
  badVariables: string[];
}

/** What {@link findBrowsers} looks at, so tests can describe any machine. */
export interface BrowserProbe {
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
  /** Playwright's own executable of a browser type, or undefined when not downloaded. */
  playwrightExecutable(type: 'chromium' | 'firefox' | 'webkit'): string | undefined;
}

/** The variables a user sets to point the suite at a browser installed elsewhere. */
export const BROWSER_VARIABLES = {
  chromium: 'CHROMIUM_PATH',
  firefox: 'FIREFOX_PATH',
  webkitGtk: 'WEBKIT_DRIVER_PATH',
} as const;

/** Debian's paths: `chromium`, `firefox-esr`, `webkit2gtk-driver` + `libwebkit2gtk-4.1-0` + `xvfb`. */
export const DEBIAN_PATHS = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/lib/firefox-esr/firefox-esr',
  webkitDriver: '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
  miniBrowsers: ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map(
    (triplet) => `/usr/lib/${triplet}/webkit2gtk-4.1/MiniBrowser`,
  ),
} as const;

/**
 * Finds each browser of the suite, in order: the user's environment variable, Debian's package,
 * then Playwright's own download. A variable naming a missing file is reported, not trusted.
 *
 * @param probe - the machine to look at
 * @returns what was found, lane by lane
 */
export function findBrowsers(probe: BrowserProbe): FoundBrowsers {
  const badVariables: string[] = [];
  const fromEnv = (name: string): string | undefined => {
    const value = probe.env[name];
    if (!value) return undefined;
    if (probe.exists(value)) return value;
    badVariables.push(`${name}=${value}`);
    return undefined;
  };
  const single = (type: 'chromium' | 'firefox', debianPath: string): FoundBrowser | undefined => {
    const env = fromEnv(BROWSER_VARIABLES[type]);
    if (env) return { source: 'env', executable: env };
    if (probe.exists(debianPath)) return { source: 'debian', executable: debianPath };
    return probe.playwrightExecutable(type) ? { source: 'playwright' } : undefined;
  };

  const chromium = single('chromium', DEBIAN_PATHS.chromium);
  const firefox = single('firefox', DEBIAN_PATHS.firefox);
  const miniBrowser = DEBIAN_PATHS.miniBrowsers.find((file) => probe.exists(file));
  const xvfb = probe.exists(DEBIAN_PATHS.xvfb) ? DEBIAN_PATHS.xvfb : undefined;
  const envDriver = fromEnv(BROWSER_VARIABLES.webkitGtk);
  // A driver from the variable looks for MiniBrowser beside it first (a build tree), then Debian's.
  const besideDriver = envDriver && path.join(path.dirname(envDriver), 'MiniBrowser');
  const browser = besideDriver && probe.exists(besideDriver) ? besideDriver : miniBrowser;
  const driver =
    envDriver ?? (probe.exists(DEBIAN_PATHS.webkitDriver) ? DEBIAN_PATHS.webkitDriver : undefined);
  const webkitGtk =
    driver && browser && xvfb
      ? { source: envDriver ? ('env' as const) : ('debian' as const), driver, browser, xvfb }
      : undefined;
  const playwrightWebkit = probe.playwrightExecutable('webkit');

  return {
    chromium,
    firefox,
    webkitGtk,
    playwrightWebkit: playwrightWebkit ? { source: 'playwright' } : undefined,
    badVariables,
  };
}
