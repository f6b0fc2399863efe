import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script, run by storefront teams with node
import { buildWorkers } from './build.mjs';

type Built = { file: string; bytes: number; gzipBytes: number }[];
const dir = mkdtempSync(path.join(tmpdir(), 'swti-own-worker-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A string of Workbox's development logger, which only a development build keeps.
const DEV_LOGGER = 'No route found for';
// A development build is over 60 KB; a production one is well under this (the byte budget of
// our own bundles is bench/checkSizes.mjs, not this test).
const PRODUCTION_CAP = 40 * 1024;

describe("a storefront's own worker bundled with esbuild", () => {
  it('for production, drops Workbox’s development logger and stays small, for each provider', async () => {
    const production: Built = await buildWorkers(path.join(dir, 'production'));
    const development: Built = await buildWorkers(path.join(dir, 'development'), false);
    expect(production.map((built) => path.basename(built.file))).toEqual([
      'firmly-sw.js',
      'digitalriver-sw.js',
    ]);
    for (const [i, built] of production.entries()) {
      const code = readFileSync(built.file, 'utf8');
      expect(code).not.toContain(DEV_LOGGER);
      expect(code).toContain('x-firmly-authorization');
      expect(built.bytes).toBeLessThan(PRODUCTION_CAP);
      const dev = development[i];
      expect(readFileSync(dev?.file ?? '', 'utf8')).toContain(DEV_LOGGER);
      expect(dev?.bytes).toBeGreaterThan(2 * built.bytes);
    }
  }, 60_000);

  it("the README's esbuild command builds the same production worker", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const command = readme.split('\n').find((line) => line.startsWith('esbuild src/sw.ts '));
    expect(command).toBeDefined();
    const out = path.join(dir, 'readme-sw.js');
    execSync(
      (command ?? '')
        .replace(
          'esbuild src/sw.ts',
          `npx esbuild ${path.join(import.meta.dirname, 'firmly-sw.ts')}`,
        )
        .replace('--outfile=public/sw.js', `--outfile=${out} --log-level=warning`),
      { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'pipe' },
    );
    const code = readFileSync(out, 'utf8');
    expect(code).not.toContain(DEV_LOGGER);
    expect(code.length).toBeLessThan(PRODUCTION_CAP);
  });
});
