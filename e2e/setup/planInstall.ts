/** A lane of the suite that can be installed. */
export type InstallableLane = 'chromium' | 'firefox' | 'webkitGtk';

/** How this machine can install software. */
export interface InstallMachine {
  /** Runs as root. */
  root: boolean;
  /** `sudo` works without a password prompt. */
  sudo: boolean;
  /** Has `apt-get` (Debian, Ubuntu). */
  apt: boolean;
}

/** One way to install some lanes: the commands, in order, and a short name for messages. */
export interface InstallWay {
  via: 'apt' | 'playwright';
  commands: string[][];
}

/** Debian's packages of each lane (and the colour emoji font the demo's pictures need). */
export const DEBIAN_PACKAGES: Record<InstallableLane, string[]> = {
  chromium: ['chromium', 'fonts-noto-color-emoji'],
  firefox: ['firefox-esr'],
  webkitGtk: ['webkit2gtk-driver', 'xvfb', 'xauth', 'libwebkit2gtk-4.1-0'],
};

/** Playwright's own browser that stands in for a lane. */
export const PLAYWRIGHT_BROWSERS: Record<InstallableLane, string> = {
  chromium: 'chromium',
  firefox: 'firefox',
  webkitGtk: 'webkit',
};

/**
 * The ways to install missing lanes, best first: Debian's packages where apt can run as root
 * (directly or by sudo without a prompt), then Playwright's own downloads.
 *
 * @param missing - the lanes to install
 * @param machine - what the machine allows
 * @returns the ways to try in order (empty when nothing is missing)
 */
export function planInstall(missing: InstallableLane[], machine: InstallMachine): InstallWay[] {
  if (missing.length === 0) return [];
  const ways: InstallWay[] = [];
  if (machine.apt && (machine.root || machine.sudo)) {
    const prefix = machine.root ? [] : ['sudo', '-n'];
    const packages = missing.flatMap((lane) => DEBIAN_PACKAGES[lane]);
    ways.push({
      via: 'apt',
      commands: [
        [...prefix, 'apt-get', 'update', '-qq'],
        [...prefix, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
      ],
    });
  }
  ways.push({
    via: 'playwright',
    commands: [
      ['npx', 'playwright', 'install', ...missing.map((lane) => PLAYWRIGHT_BROWSERS[lane])],
    ],
  });
  return ways;
}
