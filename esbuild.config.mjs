// Builds the three dist files. Run with `npm run build`.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const shared = {
  bundle: true,
  minify: true,
  target: ['chrome100', 'firefox100', 'safari15'],
  platform: 'browser',
  legalComments: 'none',
  // workbox ships development-only logging and assertions behind this flag.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });

await Promise.all([
  // The drop-in for a <script> tag: self-contained, no imports.
  esbuild.build({
    ...shared,
    entryPoints: ['client/dropIn.ts'],
    outfile: 'dist/sw-token-interceptor.js',
    format: 'iife',
  }),
  // The service worker, served by the storefront from its own origin.
  esbuild.build({
    ...shared,
    entryPoints: ['sw/sw.ts'],
    outfile: 'dist/sw-token-interceptor.sw.js',
    format: 'iife',
  }),
  // The ESM entry for bundler users; its dependencies stay imports for their bundler to dedupe.
  esbuild.build({
    ...shared,
    minify: false,
    entryPoints: ['client/index.ts'],
    outfile: 'dist/index.js',
    format: 'esm',
    packages: 'external',
  }),
]);

execFileSync('npx', ['tsc', '-p', 'client/tsconfig.types.json'], { stdio: 'inherit' });
