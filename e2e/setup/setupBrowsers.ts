import { BROWSER_VARIABLES, type FoundBrowsers } from './findBrowsers.js';
import {
  DEBIAN_PACKAGES,
  type InstallableLane,
  type InstallMachine,
  planInstall,
} from './planInstall.js';

/** What {@link setupBrowsers} works with, so tests can describe any machine. */
export interface SetupHost {
  /** Looks at the machine afresh (it changes after an install). */
  find(): FoundBrowsers;
  machine: InstallMachine;
  /** Runs a command with its output shown; true when it succeeded. */
  run(command: string[]): boolean;
  log(line: string): void;
  /** Say what would be installed, and install nothing. */
  dryRun: boolean;
}

/** How the set-up ended: the lanes found, and the one line to stop on when a needed one is not. */
export interface SetupResult {
  found: FoundBrowsers;
  /** Set when the suite cannot run: one line naming what to install and how. */
  stop?: string;
}

const covered = (found: FoundBrowsers, lane: InstallableLane): boolean =>
  lane === 'webkitGtk' ? !!(found.webkitGtk || found.playwrightWebkit) : !!found[lane];

const LANES: InstallableLane[] = ['chromium', 'firefox', 'webkitGtk'];
// Chromium runs every scenario and Firefox the cross-browser ones; the WebKit lane is skipped,
// and says so, where the machine cannot have it.
const REQUIRED: InstallableLane[] = ['chromium', 'firefox'];
const NAMES: Record<InstallableLane, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkitGtk: 'WebKit',
};

const howToInstall = (lane: InstallableLane) =>
  `sudo apt-get install ${DEBIAN_PACKAGES[lane].join(' ')}, or npx playwright install ${
    lane === 'webkitGtk' ? 'webkit' : lane
  }, or set ${BROWSER_VARIABLES[lane]}`;

function summary(found: FoundBrowsers): string[] {
  const where = (lane: 'chromium' | 'firefox') => {
    const browser = found[lane];
    if (!browser) return 'missing';
    return browser.executable ? `${browser.executable} (${browser.source})` : "Playwright's own";
  };
  const webkit = found.webkitGtk
    ? `WebKitGTK, ${found.webkitGtk.driver} (${found.webkitGtk.source})`
    : found.playwrightWebkit
      ? "Playwright's own (the WebKitGTK lane is skipped)"
      : 'missing';
  return [`Chromium: ${where('chromium')}`, `Firefox: ${where('firefox')}`, `WebKit: ${webkit}`];
}

/**
 * Finds each browser the suite uses and installs the missing ones the way the machine can: apt
 * where it runs as root or with sudo, else Playwright's downloads.
 *
 * @param host - the machine
 * @returns what was found; `stop` when a required browser is still missing
 */
export function setupBrowsers(host: SetupHost): SetupResult {
  let found = host.find();
  for (const variable of found.badVariables) {
    host.log(`${variable} does not exist; looking for the browser elsewhere.`);
  }
  const missing = LANES.filter((lane) => !covered(found, lane));
  for (const way of planInstall(missing, host.machine)) {
    const still = LANES.filter((lane) => !covered(found, lane));
    if (still.length === 0) break;
    host.log(`Installing ${still.map((lane) => NAMES[lane]).join(', ')} with ${way.via}.`);
    for (const command of way.commands) {
      if (host.dryRun) {
        host.log(`(dry run) ${command.join(' ')}`);
        continue;
      }
      if (!host.run(command)) {
        host.log(`${command.join(' ')} failed.`);
        break;
      }
    }
    if (!host.dryRun) found = host.find();
  }
  for (const line of summary(found)) host.log(line);
  const stillMissing = LANES.filter((lane) => !covered(found, lane));
  const required = stillMissing.filter((lane) => REQUIRED.includes(lane));
  if (!host.dryRun && stillMissing.includes('webkitGtk') && required.length === 0) {
    host.log(`The WebKit lane will be skipped: no WebKit (${howToInstall('webkitGtk')}).`);
  }
  if (host.dryRun || required.length === 0) return { found };
  return {
    found,
    stop: `The tests need ${required.map((lane) => NAMES[lane]).join(' and ')}: ${required
      .map(howToInstall)
      .join('; ')}.`,
  };
}
