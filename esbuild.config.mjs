// Builds the dist files. Run with `npm run build`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

// The build's version: the package version and a hash of the sources that go into the bundles.
// Both the page bundles and the worker carry it, so each can tell when the other is stale.
function sourceHash() {
  const hash = createHash('sha256');
  for (const dir of ['core', 'sw', 'client']) {
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      // Test code (tests, and the fixtures they share) is not in the bundles, so it does not
      // change the version. Both are marked by their suffix, never by their name.
      .filter(
        (file) =>
          file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.fixtures.ts'),
      )
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 10);
}
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
export const VERSION = `${version}+${sourceHash()}`;

const shared = {
  bundle: true,
  minify: true,
  target: ['chrome100', 'firefox100', 'safari15'],
  platform: 'browser',
  legalComments: 'none',
  define: {
    // workbox ships development-only logging and assertions behind this flag.
    'process.env.NODE_ENV': '"production"',
    __SWTI_VERSION__: JSON.stringify(VERSION),
  },
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });

await Promise.all([
  // The drop-in for a <script> tag: self-contained, no static imports.
  esbuild.build({
    ...shared,
    entryPoints: ['client/dropIn.ts'],
    outfile: 'dist/sw-token-interceptor.js',
    format: 'iife',
  }),
  // The service worker, served by the storefront from its own origin (or imported by its own).
  esbuild.build({
    ...shared,
    entryPoints: ['sw/sw.ts'],
    outfile: 'dist/sw-token-interceptor.sw.js',
    format: 'iife',
  }),
  // The in-page fallback, loaded by the drop-in only on pages no worker can serve.
  esbuild.build({
    ...shared,
    entryPoints: ['client/fallbackChunk.ts'],
    outfile: 'dist/sw-token-interceptor.fallback.js',
    format: 'esm',
  }),
  // The ESM entries for bundler users: `.` and `./sw`. Dependencies stay imports for their
  // bundler to dedupe; the fallback, imported on demand, becomes a chunk their bundler splits
  // off. It is an entry of its own so its name carries no hash: the app's bundler adds one, and
  // a second would read `fallbackChunk-VUROTZX5-BLfXDWJ1.js`. Shared chunks are imported
  // statically, so a bundler merges them and their names never reach a `dist/`.
  esbuild.build({
    ...shared,
    minify: false,
    entryPoints: {
      index: 'client/index.ts',
      sw: 'sw/index.ts',
      'chunks/fallback': 'client/fallbackChunk.ts',
    },
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    splitting: true,
    packages: 'external',
  }),
  // For storefront teams' own test suites, in Node: `./emulator` and `./playwright`. The emulators
  // are bundled (jose included); Playwright stays the suite's own, a peer dependency.
  esbuild.build({
    entryPoints: { emulator: 'testing/emulator.ts', playwright: 'testing/playwright.ts' },
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@playwright/test'],
    logLevel: 'warning',
  }),
]);

for (const context of ['client', 'sw', 'testing']) {
  execFileSync('npx', ['tsc', '-p', `${context}/tsconfig.types.json`], { stdio: 'inherit' });
}
console.log(`built ${VERSION}`);
