/**
 * `npm run bench`: what the interceptor costs a storefront, measured in real Chromium against the
 * local emulator. Setups run alternately in one run so drift hits them alike:
 *   (a) no worker, the page attaching the token itself;
 *   (b) a bare pass-through worker, `respondWith(fetch(event.request))`;
 *   (c) ours, with a warm token.
 * Page assets are images loaded by the page; with static routing they never reach our worker.
 * Prints the figures and the ratios against the targets, and writes bench/results.json.
 * Targets are reported, not asserted: timing belongs here, not in a test that could flake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import { chromiumExecutable } from '../e2e/chromiumExecutable';
import { startFirmlyEmulator } from '../testing/emulator/firmly/firmlyEmulator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'dist');
const ROUNDS = 7;
const SEQUENTIAL = 300;
const CONCURRENT = 50;
const ASSETS = 200;
const CART = '/api/v2/domains/staging.luma.gift/cart';

type Setup = 'a' | 'b' | 'c';
const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? Number.NaN;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

const firmly = await startFirmlyEmulator({ testControls: true, appIds: ['demo-app'] });
const shop = await startStorefront({
  apiOrigin: firmly.origin,
  appId: 'demo-app',
  distDir,
  extraStaticDirs: [path.join(root, 'bench', 'pages')],
});
const browser = await chromium.launch({
  headless: true,
  executablePath: chromiumExecutable(),
  args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
});

// A token for setups (a) and (b), which attach it by hand as a storefront without us would.
const session = (await (
  await fetch(`${firmly.origin}/api/v1/browser-session`, {
    method: 'POST',
    headers: { 'x-firmly-app-id': 'demo-app' },
  })
).json()) as { access_token: string };

async function open(setup: Setup): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (setup === 'a') await page.goto(`${shop.origin}/blank.html`);
  if (setup === 'b') {
    await page.goto(`${shop.origin}/passthrough.html`);
    await page.evaluate(() => (window as unknown as { workerReady: Promise<unknown> }).workerReady);
  }
  if (setup === 'c') {
    await page.goto(`${shop.origin}/tag-only.html`);
    await page.evaluate(() => window.swTokenInterceptor?.session());
  }
  return { context, page };
}

/** Headers the page sends itself: the token for (a) and (b), nothing for (c). */
const headersFor = (setup: Setup): Record<string, string> =>
  setup === 'c' ? {} : { 'x-firmly-authorization': session.access_token };

async function sequential(page: Page, setup: Setup): Promise<number[]> {
  return page.evaluate(
    async ({ url, headers, count }) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        times.push(performance.now() - start);
      }
      return times;
    },
    { url: `${firmly.origin}${CART}`, headers: headersFor(setup), count: SEQUENTIAL },
  );
}

async function concurrent(page: Page, setup: Setup): Promise<number> {
  return page.evaluate(
    async ({ url, headers, count }) => {
      const start = performance.now();
      await Promise.all(
        Array.from({ length: count }, () => fetch(url, { headers }).then((r) => r.arrayBuffer())),
      );
      return performance.now() - start;
    },
    { url: `${firmly.origin}${CART}`, headers: headersFor(setup), count: CONCURRENT },
  );
}

/** Page assets the way a page loads them: image elements, not fetch() (API calls are fetch). */
async function assets(page: Page): Promise<number[]> {
  return page.evaluate(async (count) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await new Promise((resolve, reject) => {
        const image = new Image();
        image.onload = resolve;
        image.onerror = reject;
        image.src = `/favicon.svg?i=${i}-${Math.random()}`;
      });
      times.push(performance.now() - start);
    }
    return times;
  }, ASSETS);
}

async function afterRestart(page: Page, setup: Setup): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  return page.evaluate(
    async ({ url, headers }) => {
      const start = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      return performance.now() - start;
    },
    { url: `${firmly.origin}${CART}`, headers: headersFor(setup) },
  );
}

/** The first cart call of a first visit: its time from navigation start, and the round trips it took. */
async function firstVisit(): Promise<{ ms: number; tokenRoundTrips: number; calls: number }> {
  firmly.reset();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${shop.origin}/tag-only.html`);
  const ms = await page.evaluate(async (url) => {
    await (await fetch(url)).arrayBuffer();
    return performance.now();
  }, `${firmly.origin}${CART}`);
  const result = {
    ms,
    tokenRoundTrips: firmly.counters.browserSession,
    calls: firmly.counters.cartCalls,
  };
  await context.close();
  return result;
}

const samples: Record<
  Setup,
  { seq: number[]; conc: number[]; assets: number[]; restart: number[] }
> = {
  a: { seq: [], conc: [], assets: [], restart: [] },
  b: { seq: [], conc: [], assets: [], restart: [] },
  c: { seq: [], conc: [], assets: [], restart: [] },
};
const ratios = { apiCB: [] as number[], apiCA: [] as number[], assetsCA: [] as number[] };

for (let r = 0; r < ROUNDS; r++) {
  const order: Setup[] = r % 2 === 0 ? ['a', 'b', 'c'] : ['c', 'b', 'a'];
  const round: Partial<Record<Setup, { seq: number; assets: number }>> = {};
  for (const setup of order) {
    const { context, page } = await open(setup);
    await sequential(page, setup); // warm-up: connections, preflight cache, JIT
    const seq = await sequential(page, setup);
    const asset = await assets(page);
    samples[setup].seq.push(...seq);
    samples[setup].assets.push(...asset);
    samples[setup].conc.push(await concurrent(page, setup));
    if (setup !== 'a') samples[setup].restart.push(await afterRestart(page, setup));
    round[setup] = { seq: median(seq), assets: median(asset) };
    await context.close();
  }
  const { a, b, c } = round as Record<Setup, { seq: number; assets: number }>;
  ratios.apiCB.push(c.seq / b.seq);
  ratios.apiCA.push(c.seq / a.seq);
  ratios.assetsCA.push(c.assets / a.assets);
}
const visit = await firstVisit();

const size = (file: string) => {
  const bytes = readFileSync(path.join(distDir, file));
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
};
const results = {
  date: new Date().toISOString(),
  browser: browser.version(),
  setups: { a: 'no worker', b: 'bare pass-through worker', c: 'sw-token-interceptor, warm token' },
  api: Object.fromEntries(
    (['a', 'b', 'c'] as const).map((s) => [
      s,
      {
        sequentialMedianMs: round(median(samples[s].seq)),
        sequentialP95Ms: round(p95(samples[s].seq)),
        concurrent50MedianMs: round(median(samples[s].conc)),
        firstCallAfterRestartMedianMs: s === 'a' ? null : round(median(samples[s].restart)),
      },
    ]),
  ),
  assets: Object.fromEntries(
    (['a', 'b', 'c'] as const).map((s) => [s, { medianMs: round(median(samples[s].assets)) }]),
  ),
  ratios: {
    apiCallsCOverB: round(median(ratios.apiCB)),
    apiCallsCOverA: round(median(ratios.apiCA)),
    nonApiCOverA: round(median(ratios.assetsCA)),
  },
  firstVisit: {
    firstCallMsFromNavigation: round(visit.ms, 1),
    tokenRoundTrips: visit.tokenRoundTrips,
  },
  bundles: {
    dropIn: size('sw-token-interceptor.js'),
    worker: size('sw-token-interceptor.sw.js'),
    fallback: size('sw-token-interceptor.fallback.js'),
  },
  targets: {
    apiCallsCOverB: '<= 1.05',
    nonApiCOverA: '<= 1.02',
    firstVisitTokenRoundTrips: 'exactly 1',
  },
};

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
console.log(
  `sw-token-interceptor bench, ${ROUNDS} rounds alternating setups, Chromium ${results.browser}`,
);
console.table(results.api);
console.table(results.assets);
console.log(
  `API calls c/b: ${results.ratios.apiCallsCOverB} (${verdict(results.ratios.apiCallsCOverB <= 1.05)} <= 1.05)`,
);
console.log(`API calls c/a: ${results.ratios.apiCallsCOverA}`);
console.log(
  `non-API requests c/a: ${results.ratios.nonApiCOverA} (${verdict(results.ratios.nonApiCOverA <= 1.02)} <= 1.02)`,
);
console.log(
  `first visit: first call ${results.firstVisit.firstCallMsFromNavigation} ms after navigation, ` +
    `${visit.tokenRoundTrips} token round trip(s) (${verdict(visit.tokenRoundTrips === 1)} exactly 1)`,
);
console.table(results.bundles);
writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results.json');

await browser.close();
await shop.close();
await firmly.close();
