import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, 'sw-token-interceptor.mjs');
const dist = path.resolve(import.meta.dirname, '..', 'dist');

function run(args: string[], cwd: string): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout + e.stderr };
  }
}

describe('npx sw-token-interceptor init', () => {
  beforeAll(() => {
    if (!existsSync(path.join(dist, 'sw-token-interceptor.sw.js'))) {
      throw new Error('run `npm run build` first: init copies the built files');
    }
  });

  it('copies the three browser files into the public folder and prints the tag', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'swti-init-'));
    const { code, out } = run(['init', 'public'], site);
    expect(code).toBe(0);
    for (const file of [
      'sw-token-interceptor.js',
      'sw-token-interceptor.sw.js',
      'sw-token-interceptor.fallback.js',
    ]) {
      expect(readFileSync(path.join(site, 'public', file))).toEqual(
        readFileSync(path.join(dist, file)),
      );
    }
    expect(out).toContain('<script src="/sw-token-interceptor.js"');
    expect(out).not.toContain('already has a service worker');
  });

  it('says what to do when the site already has a service worker', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'swti-init-'));
    run(['init', 'public'], site);
    writeFileSync(path.join(site, 'public', 'sw.js'), "self.addEventListener('fetch', () => {});");
    const { code, out } = run(['init', 'public'], site);
    expect(code).toBe(0);
    expect(out).toContain('already has a service worker of its own: sw.js');
    expect(out).toContain("importScripts('/sw-token-interceptor.sw.js')");
    expect(out).toContain('data-register-worker="false"');
  });

  it('for the install() route, copies only the worker and prints the install() call', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'swti-init-'));
    const { code, out } = run(['init', 'public', '--worker-only'], site);
    expect(code).toBe(0);
    expect(readdirSync(path.join(site, 'public'))).toEqual(['sw-token-interceptor.sw.js']);
    expect(readFileSync(path.join(site, 'public', 'sw-token-interceptor.sw.js'))).toEqual(
      readFileSync(path.join(dist, 'sw-token-interceptor.sw.js')),
    );
    expect(out).toContain('Copied 1 file to public/');
    expect(out).toContain("install({ provider: 'firmly', appId: 'YOUR_APPLICATION_ID' })");
    expect(out).not.toContain('<script');
  });

  it('takes the flag before the folder too, and refuses one it does not know', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'swti-init-'));
    expect(run(['init', '--worker-only', 'public'], site).code).toBe(0);
    expect(readdirSync(path.join(site, 'public'))).toEqual(['sw-token-interceptor.sw.js']);
    expect(run(['init', 'public', '--everything'], site)).toMatchObject({
      code: 1,
      out: expect.stringContaining('--worker-only'),
    });
  });

  it('explains its usage, failing on a wrong call', () => {
    expect(run(['--help'], tmpdir())).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage:'),
    });
    expect(run(['init'], tmpdir())).toMatchObject({
      code: 1,
      out: expect.stringContaining('Usage:'),
    });
    expect(run(['deploy', 'x'], tmpdir()).code).toBe(1);
  });
});
