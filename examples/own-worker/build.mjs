// Builds a storefront's own worker with esbuild, for production, and prints its size:
//   node examples/own-worker/build.mjs [outdir]
// `process.env.NODE_ENV` set to "production" is what drops Workbox's development logger and
// assertions; without it the worker carries them (the size without is printed for comparison).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKERS = ['firmly-sw.ts', 'digitalriver-sw.ts'];

/** The esbuild options a storefront uses for its worker in production. */
export const production = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

/**
 * @param {string} outdir
 * @param {boolean} forProduction - false builds as a bundler does with no define and no minify
 * @returns {Promise<{ file: string, bytes: number, gzipBytes: number }[]>}
 */
export async function buildWorkers(outdir, forProduction = true) {
  const options = forProduction
    ? production
    : { bundle: true, format: 'iife', logLevel: 'warning' };
  const built = [];
  for (const worker of WORKERS) {
    const file = path.join(outdir, worker.replace(/\.ts$/, '.js'));
    await esbuild.build({ ...options, entryPoints: [path.join(here, worker)], outfile: file });
    const code = readFileSync(file);
    built.push({ file, bytes: code.length, gzipBytes: gzipSync(code).length });
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'swti-own-worker-'));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const production = await buildWorkers(outdir);
  const scratch = mkdtempSync(path.join(tmpdir(), 'swti-dev-'));
  const development = await buildWorkers(scratch, false);
  rmSync(scratch, { recursive: true, force: true });
  for (const [i, { file, bytes, gzipBytes }] of production.entries()) {
    console.log(
      `${path.basename(file)}: ${kb(bytes)} (${kb(gzipBytes)} gzipped); ` +
        `without the production define and minify: ${kb(development[i]?.bytes ?? 0)}`,
    );
  }
  console.log(`written to ${outdir}`);
}
