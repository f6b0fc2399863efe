import { describe, expect, it } from 'vitest';
import type { FoundBrowsers } from './findBrowsers.js';
import { type SetupHost, setupBrowsers } from './setupBrowsers.js';

const CHROMIUM = { source: 'debian' as const, executable: '/usr/bin/chromium' };
const FIREFOX = { source: 'debian' as const, executable: '/usr/lib/firefox-esr/firefox-esr' };
const WEBKIT = {
  source: 'debian' as const,
  driver: '/usr/bin/WebKitWebDriver',
  browser: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfb: '/usr/bin/Xvfb',
};
const NOTHING: FoundBrowsers = { badVariables: [] };

/** A machine whose state changes as commands succeed. */
function host(
  states: FoundBrowsers[],
  options: { root?: boolean; apt?: boolean; fails?: string[]; dryRun?: boolean } = {},
) {
  const ran: string[] = [];
  const lines: string[] = [];
  let state = 0;
  const setup: SetupHost = {
    find: () => states[Math.min(state, states.length - 1)] ?? NOTHING,
    machine: { root: options.root ?? true, sudo: false, apt: options.apt ?? true },
    run(command) {
      const line = command.join(' ');
      ran.push(line);
      if (options.fails?.some((prefix) => line.startsWith(prefix))) return false;
      if (line.includes('install')) state++;
      return true;
    },
    log: (line) => lines.push(line),
    dryRun: options.dryRun ?? false,
  };
  return { setup, ran, lines };
}

describe('setupBrowsers', () => {
  it('everything present: nothing is installed', () => {
    const { setup, ran } = host([
      { chromium: CHROMIUM, firefox: FIREFOX, webkitGtk: WEBKIT, badVariables: [] },
    ]);
    expect(setupBrowsers(setup).stop).toBeUndefined();
    expect(ran).toEqual([]);
  });

  it('a fresh Debian machine as root: apt installs every lane, and the suite goes on', () => {
    const { setup, ran } = host([
      NOTHING,
      { chromium: CHROMIUM, firefox: FIREFOX, webkitGtk: WEBKIT, badVariables: [] },
    ]);
    expect(setupBrowsers(setup).stop).toBeUndefined();
    expect(ran[0]).toBe('apt-get update -qq');
    expect(ran[1]).toMatch(/^apt-get install .* chromium .*firefox-esr .*webkit2gtk-driver/);
    expect(ran).toHaveLength(2);
  });

  it('apt fails (no network): Playwright downloads are tried next', () => {
    const { setup, ran } = host(
      [
        NOTHING,
        {
          chromium: { source: 'playwright' },
          firefox: { source: 'playwright' },
          playwrightWebkit: { source: 'playwright' },
          badVariables: [],
        },
      ],
      { fails: ['apt-get update'] },
    );
    expect(setupBrowsers(setup).stop).toBeUndefined();
    expect(ran).toEqual(['apt-get update -qq', 'npx playwright install chromium firefox webkit']);
  });

  it('nothing works: one line naming what to install and how', () => {
    const { setup } = host([NOTHING], { fails: ['apt-get', 'npx'] });
    const { stop } = setupBrowsers(setup);
    expect(stop).toBe(
      'The tests need Chromium and Firefox: sudo apt-get install chromium fonts-noto-color-emoji, or npx playwright install chromium, or set CHROMIUM_PATH; sudo apt-get install firefox-esr, or npx playwright install firefox, or set FIREFOX_PATH.',
    );
  });

  it('only WebKit cannot be had: the suite goes on and the lane says it is skipped', () => {
    const { setup, lines } = host([{ chromium: CHROMIUM, firefox: FIREFOX, badVariables: [] }], {
      fails: ['apt-get', 'npx'],
    });
    expect(setupBrowsers(setup).stop).toBeUndefined();
    expect(lines.at(-1)).toMatch(
      /^The WebKit lane will be skipped: no WebKit \(sudo apt-get install webkit2gtk-driver/,
    );
  });

  it('a dry run says what it would install and installs nothing', () => {
    const { setup, ran, lines } = host([NOTHING], { dryRun: true, root: false, apt: false });
    expect(setupBrowsers(setup).stop).toBeUndefined();
    expect(ran).toEqual([]);
    expect(lines).toContain('(dry run) npx playwright install chromium firefox webkit');
  });

  it('a variable pointing nowhere is named', () => {
    const { setup, lines } = host([
      {
        chromium: CHROMIUM,
        firefox: FIREFOX,
        webkitGtk: WEBKIT,
        badVariables: ['CHROMIUM_PATH=/nowhere'],
      },
    ]);
    setupBrowsers(setup);
    expect(lines[0]).toBe(
      'CHROMIUM_PATH=/nowhere does not exist; looking for the browser elsewhere.',
    );
  });
});
