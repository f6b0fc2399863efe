import { describe, expect, it } from 'vitest';
import { planInstall } from './planInstall.js';

describe('planInstall', () => {
  it('as root on Debian: apt-get update, then the packages, then Playwright as a last resort', () => {
    expect(planInstall(['firefox', 'webkitGtk'], { root: true, sudo: false, apt: true })).toEqual([
      {
        via: 'apt',
        commands: [
          ['apt-get', 'update', '-qq'],
          [
            'apt-get',
            'install',
            '-y',
            '-qq',
            '--no-install-recommends',
            'firefox-esr',
            'webkit2gtk-driver',
            'xvfb',
            'xauth',
            'libwebkit2gtk-4.1-0',
          ],
        ],
      },
      { via: 'playwright', commands: [['npx', 'playwright', 'install', 'firefox', 'webkit']] },
    ]);
  });

  it('a user with sudo that needs no password: apt through sudo -n', () => {
    const [apt] = planInstall(['chromium'], { root: false, sudo: true, apt: true });
    expect(apt?.commands[1]?.slice(0, 3)).toEqual(['sudo', '-n', 'apt-get']);
    expect(apt?.commands[1]).toContain('fonts-noto-color-emoji');
  });

  it('a user without root, or a machine without apt: Playwright only', () => {
    for (const machine of [
      { root: false, sudo: false, apt: true },
      { root: true, sudo: false, apt: false },
    ]) {
      expect(planInstall(['chromium'], machine)).toEqual([
        { via: 'playwright', commands: [['npx', 'playwright', 'install', 'chromium']] },
      ]);
    }
  });

  it('nothing missing: nothing to do', () => {
    expect(planInstall([], { root: true, sudo: false, apt: true })).toEqual([]);
  });
});
