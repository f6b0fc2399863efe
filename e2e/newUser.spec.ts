import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FirmlyEmulator } from '../testing/emulator.js';
import { CART, expect, test } from './fixtures';
import { type ProcessGroup, startProcessGroup } from './startProcessGroup';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The suite itself runs under npm, whose npm_* variables would point the new user's npm at this
// repository (its prefix, its package); a new user's shell has none of them.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Resolves when the dev server says where it listens; rejects if it exits first. */
function waitForServer(url: string, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Vite prints its URL once it listens (in one piece, as colours are off).
      if (output.includes(url)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the dev server exited ${code}: ${output}`)));
  });
}

/**
 * What a new user does first: packs the library, makes a fresh app folder with Vite and installs
 * the tarball there. The caller removes `work`.
 *
 * @returns the app's folder
 */
function freshViteAppWithTheLibrary(work: string): string {
  execFileSync(npm, ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  const app = path.join(work, 'shop');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'shop', private: true, type: 'module' }),
  );
  const viteVersion = JSON.parse(
    readFileSync(path.join(root, 'node_modules/vite/package.json'), 'utf8'),
  ).version;
  execFileSync(
    npm,
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      path.join(work, tarball ?? ''),
      `vite@${viteVersion}`,
    ],
    { cwd: app, stdio: 'pipe', env },
  );
  return app;
}

/** The shop's own script: an Add to cart button that shows the answer's status and line count. */
function addToCartScript(apiOrigin: string): string {
  return `document.querySelector('#add').addEventListener('click', async () => {
  const response = await fetch('${apiOrigin}${CART}/line-items', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ add_to_cart_ref: { variant_id: 'luma-mug-aurora' }, quantity: 1 }),
  });
  const cart = await response.json();
  document.querySelector('#result').textContent = response.status + ' ' + cart.line_items.length;
});
`;
}

/** Writes the new user's shop page (an Add to cart button; `tag` in its head) and its main.js. */
function writeShop(app: string, mainJs: string, tag = ''): void {
  writeFileSync(
    path.join(app, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>My shop</title>
${tag}<script type="module" src="/main.js"></script></head>
<body><button id="add">Add to cart</button><output id="result"></output></body></html>`,
  );
  writeFileSync(path.join(app, 'main.js'), mainJs);
}

/**
 * Serves the app with Vite (`vite` for the dev server, `vite preview` for the build) on a free
 * port; npx starts Vite as a child of its own, so only ending the group ends both.
 */
async function serveWithVite(
  app: string,
  command: [] | ['preview'],
): Promise<{ url: string; server: ProcessGroup }> {
  const port = await freePort();
  const server = startProcessGroup(
    'npx',
    ['vite', ...command, '--port', String(port), '--strictPort', '--host', 'localhost'],
    { cwd: app, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://localhost:${port}/`;
  await waitForServer(url, server.child);
  return { url, server };
}

/** The shopper adds a mug on the new user's page: one session, and the cart call is authorized. */
async function shopperAddsAMug(page: Page, url: string, firmly: FirmlyEmulator): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#result')).toHaveText('200 1');
  expect(firmly.counters).toMatchObject({ browserSession: 1, unauthorized: 0 });
}

test('a new user: npm pack, install into a fresh Vite app, init, add the tag, and cart calls work', async ({
  page,
  firmly,
}) => {
  test.setTimeout(240_000);
  const work = mkdtempSync(path.join(tmpdir(), 'swti-new-user-'));
  let vite: ProcessGroup | undefined;
  try {
    const app = freshViteAppWithTheLibrary(work);
    const init = execFileSync('npx', ['sw-token-interceptor', 'init', 'public'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(init).toContain('<script src="/sw-token-interceptor.js"');

    writeShop(
      app,
      addToCartScript(firmly.origin),
      `<script src="/sw-token-interceptor.js" data-provider="firmly" data-app-id="demo-app"
        data-api-origin="${firmly.origin}"></script>
`,
    );

    const served = await serveWithVite(app, []);
    vite = served.server;
    await shopperAddsAMug(page, served.url, firmly);
  } finally {
    await vite?.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('a new user on the install() route: init --worker-only, vite build ships only the files it loads', async ({
  page,
  firmly,
}) => {
  test.setTimeout(240_000);
  const work = mkdtempSync(path.join(tmpdir(), 'swti-new-user-install-'));
  let preview: ProcessGroup | undefined;
  try {
    const app = freshViteAppWithTheLibrary(work);
    const init = execFileSync('npx', ['sw-token-interceptor', 'init', 'public', '--worker-only'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(init).toContain('install(');

    writeShop(
      app,
      `import { install } from 'sw-token-interceptor';
install({ provider: 'firmly', appId: 'demo-app', apiOrigin: '${firmly.origin}' });
${addToCartScript(firmly.origin)}`,
    );
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: app, env, stdio: 'pipe' });

    const shipped = readdirSync(path.join(app, 'dist'), { recursive: true }).map(String).sort();
    const scripts = shipped.filter((file) => file.endsWith('.js'));
    // The page's bundle, the fallback chunk it loads where no worker can serve, and the worker.
    expect(scripts).toHaveLength(3);
    expect(scripts).toContain('sw-token-interceptor.sw.js');
    expect(scripts.filter((file) => /^assets\/index-[\w-]+\.js$/.test(file))).toHaveLength(1);
    // One hash, the app bundler's: not `fallbackChunk-VUROTZX5-BLfXDWJ1.js`.
    expect(scripts.filter((file) => /^assets\/fallback-[\w-]{8}\.js$/.test(file))).toHaveLength(1);
    expect(shipped).not.toContain('sw-token-interceptor.js');
    expect(shipped).not.toContain('sw-token-interceptor.fallback.js');

    const served = await serveWithVite(app, ['preview']);
    preview = served.server;
    await shopperAddsAMug(page, served.url, firmly);
  } finally {
    await preview?.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
