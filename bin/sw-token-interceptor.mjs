#!/usr/bin/env node
// `npx sw-token-interceptor init <publicDir> [--worker-only]`: puts the library's browser files
// where the site serves its static files, as `msw init` does, and prints what to paste. With
// `--worker-only` (the `install()` route) only the worker is copied: the app's bundler already
// has the rest, and a file the page never loads should not ship in the app's build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = 'sw-token-interceptor.sw.js';
const FILES = ['sw-token-interceptor.js', WORKER, 'sw-token-interceptor.fallback.js'];
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
// Names storefronts give their own workers, and what registers one.
const WORKER_NAMES =
  /^(sw|service-?worker|serviceworker|worker|ngsw-worker|firebase-messaging-sw)\.m?js$/i;
const WORKER_CODE = /addEventListener\(\s*['"](fetch|install)['"]|workbox|importScripts\(/;

const USAGE = `Usage: npx sw-token-interceptor init <publicDir> [--worker-only]

Copies ${FILES.join(', ')}
into <publicDir>, the folder your site serves at its root (public/ for Vite and Next.js),
and prints the script tag to add to your pages.

  --worker-only   copy ${WORKER} alone, for apps that call install() from
                  'sw-token-interceptor' (their bundler builds the rest)`;

const TAG = `<script src="/sw-token-interceptor.js"
          data-provider="firmly"
          data-app-id="YOUR_APPLICATION_ID"></script>`;
const INSTALL = `import { install } from 'sw-token-interceptor';
  install({ provider: 'firmly', appId: 'YOUR_APPLICATION_ID' });`;

/** @param {string} dir @returns {string[]} the service workers of the site's own in dir */
function existingWorkers(dir) {
  return readdirSync(dir).filter((name) => {
    if (FILES.includes(name) || !/\.m?js$/.test(name)) return false;
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) return false;
    return WORKER_NAMES.test(name) || WORKER_CODE.test(readFileSync(file, 'utf8').slice(0, 20000));
  });
}

/**
 * @param {string} publicDir
 * @param {{ workerOnly: boolean }} route
 */
function init(publicDir, { workerOnly }) {
  const files = workerOnly ? [WORKER] : FILES;
  const missing = files.filter((file) => !existsSync(path.join(dist, file)));
  if (missing.length > 0) {
    console.error(
      `sw-token-interceptor: ${missing.join(', ')} not found in ${dist}. Reinstall the package.`,
    );
    return 1;
  }
  const target = path.resolve(publicDir);
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(path.join(dist, file), path.join(target, file));
  const relative = path.relative(process.cwd(), target) || '.';
  console.log(`Copied ${files.length} file${files.length === 1 ? '' : 's'} to ${relative}/:`);
  for (const file of files) console.log(`  ${file}`);
  console.log(
    workerOnly
      ? `
Serve it from your site's root, then start the interceptor from your code:

  ${INSTALL}

(Digital River: { provider: 'digitalriver', siteId: 'SITE_ID' }, see the README.)`
      : `
Serve them from your site's root, then add this tag to your pages:

  ${TAG}

(Digital River: data-provider="digitalriver" data-site-id="SITE_ID", see the README.)`,
  );
  console.log(
    'Run this command again after each upgrade, so the files match the installed version.',
  );
  const workers = existingWorkers(target);
  if (workers.length > 0) {
    console.log(`
${relative}/ already has a service worker of its own: ${workers.join(', ')}.
A scope holds one registration, so host the interceptor in yours instead of registering ours:

  // at the top of ${workers[0]}, before your own fetch handlers
  self.swTokenInterceptorConfig = { provider: 'firmly', appId: 'YOUR_APPLICATION_ID' };
  importScripts('/sw-token-interceptor.sw.js');

(or, in a bundled worker: import { interceptApiCalls } from 'sw-token-interceptor/sw')
and add ${workerOnly ? 'registerWorker: false to install()' : 'data-register-worker="false" to the script tag'}.`);
  }
  return 0;
}

const [command, ...args] = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith('-'));
const [publicDir, ...rest] = args.filter((arg) => !arg.startsWith('-'));
const known = flags.every((flag) => flag === '--worker-only');
if (command === 'init' && publicDir && rest.length === 0 && known) {
  process.exitCode = init(publicDir, { workerOnly: flags.includes('--worker-only') });
} else {
  const asked =
    command === undefined || command === '--help' || command === '-h' || command === 'help';
  (asked ? console.log : console.error)(USAGE);
  process.exitCode = asked ? 0 : 1;
}
