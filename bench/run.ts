/**
 * `npm run bench`: what the interceptor costs a storefront, measured in real Chromium against the
 * local emulator. Setups run alternately in one run, so drift and load hit them alike:
 *   (a) no worker, the page attaching the token itself;
 *   (b) a bare pass-through worker that handles every request, `respondWith(fetch(event.request))`;
 *   (c) ours, with a stored token;
 *   (d) the cheapest worker with our static routing rules, the page attaching the token itself:
 *       the floor for what a worker that controls the page can cost it;
 *   (e) for the first call only: (d) with a `<script>` tag before the page's own script, whose
 *       file is the drop-in's bytes doing nothing, so (c) over (e) is what our code costs beyond
 *       what any script tag in that place costs;
 *   (f) for the first call only: (c) with the drop-in served as from a versioned URL,
 *       `Cache-Control: max-age=31536000, immutable`, where (c) revalidates it at every load.
 * Three figures, medians over every round:
 *   - the first cart call of a page load with the worker stopped (as Chrome stops it after about
 *     30 s idle), from navigation start to the end of the call; and the same load with the worker
 *     running, which leaves out what starting it costs;
 *   - non-API requests: `fetch` and XHR to the page's own origin and to a third party, and images;
 *   - API calls through a warm worker.
 * Then, in Firefox (no static routing) where installed, what our fetch handler's early return
 * costs a non-API `fetch`. Prints the ratios against the targets and writes bench/results.json.
 * Targets are reported, not asserted: timing belongs here, not in a test that could flake.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import { chromiumExecutable } from '../e2e/chromiumExecutable';
import { firefoxExecutable } from '../e2e/crossBrowser/firefoxDriver';
import { startFirmlyEmulator } from '../testing/emulator/firmly/firmlyEmulator';
import { listenOnLoopback } from '../testing/emulator/http/listenOnLoopback';
import { closeAll } from './closeAll';
import { measureFirefoxEarlyReturn } from './measureFirefoxEarlyReturn';
import { median, p95, round } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST measures another build (such as main's) with this bench.
const distDir = process.env.BENCH_DIST
  ? path.resolve(process.env.BENCH_DIST)
  : path.join(root, 'dist');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
// Page loads per setup and round for the first-call figure.
const LOADS = 3;
// Calls per batch; batches alternate setups so that each ratio compares calls made moments apart.
const BATCH = 20;
const BATCHES = 3;
const CART = '/api/v2/domains/staging.luma.gift/cart';

type Setup = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
const SETUPS: Setup[] = ['a', 'b', 'c', 'd', 'e', 'f'];
// Setups whose per-call figures are measured; (e) and (f) differ from (d) and (c) only in how
// the page's head loads.
const CALL_SETUPS: Setup[] = ['a', 'b', 'c', 'd'];

const firmly = await startFirmlyEmulator({ testControls: true, appIds: ['demo-app'] });
// A third party the storefront calls (analytics, search, CMS): another origin, CORS open.
const thirdParty = await listenOnLoopback(
  createServer((_req, res) => {
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
    res.end('{"ok":true}');
  }),
  '127.0.0.1',
  0,
);

// The first-call pages, one per setup: each makes its cart call from its first script.
const pagesDir = mkdtempSync(path.join(tmpdir(), 'swti-bench-'));
const cartUrl = `${firmly.origin}${CART}`;
const firstCall = (headers: string) =>
  '<script>window.callStarted = performance.now();' +
  `window.firstCall = fetch(${JSON.stringify(cartUrl)}, { headers: ${headers} })` +
  '.then((r) => r.arrayBuffer()).then(() => performance.now());</script>';
const htmlPage = (head: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body></body></html>`;
const tokenHeader = 'window.benchHeaders';
writeFileSync(path.join(pagesDir, 'first-a.html'), htmlPage(firstCall(tokenHeader)));
writeFileSync(
  path.join(pagesDir, 'first-b.html'),
  htmlPage(
    `<script>navigator.serviceWorker.register('/passthrough-sw.js');</script>${firstCall(tokenHeader)}`,
  ),
);
const registerRouted = `<script>navigator.serviceWorker.register(${JSON.stringify(`/routed-sw.js?api=${encodeURIComponent(firmly.origin)}`)});</script>`;
writeFileSync(
  path.join(pagesDir, 'first-d.html'),
  htmlPage(`${registerRouted}${firstCall(tokenHeader)}`),
);
writeFileSync(
  path.join(pagesDir, 'inert-drop-in.js'),
  `if (window.neverSet) {${readFileSync(path.join(distDir, 'sw-token-interceptor.js'), 'utf8')}}`,
);
writeFileSync(
  path.join(pagesDir, 'first-e.html'),
  htmlPage(`${registerRouted}<script src="/inert-drop-in.js"></script>${firstCall(tokenHeader)}`),
);
const ours = htmlPage(
  `<script src="/sw-token-interceptor.js" data-provider="firmly" data-app-id="demo-app" data-api-origin="${firmly.origin}"></script>${firstCall('{}')}`,
);
writeFileSync(path.join(pagesDir, 'first-c.html'), ours);
writeFileSync(path.join(pagesDir, 'first-f.html'), ours);

const shop = await startStorefront({
  apiOrigin: firmly.origin,
  appId: 'demo-app',
  distDir,
  extraStaticDirs: [path.join(root, 'bench', 'pages'), pagesDir],
});
// The same storefront, serving the drop-in for long caching: setup (f).
const immutableShop = await startStorefront({
  apiOrigin: firmly.origin,
  appId: 'demo-app',
  distDir,
  extraStaticDirs: [path.join(root, 'bench', 'pages'), pagesDir],
  libraryCacheControl: 'max-age=31536000, immutable',
});
const originOf = (setup: Setup) => (setup === 'f' ? immutableShop.origin : shop.origin);
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
const headersFor = (setup: Setup): Record<string, string> =>
  setup === 'c' || setup === 'f' ? {} : { 'x-firmly-authorization': session.access_token };

/** One browser context per setup for the whole run: its worker installed, its token stored. */
async function open(setup: Setup): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript((headers) => {
    (window as unknown as { benchHeaders: unknown }).benchHeaders = headers;
  }, headersFor(setup));
  const page = await context.newPage();
  await page.goto(`${originOf(setup)}/first-${setup}.html`);
  await page.evaluate(async () => {
    await (window as unknown as { firstCall: Promise<number> }).firstCall;
    await window.swTokenInterceptor?.session();
    const container = navigator.serviceWorker;
    if ((await container.getRegistration()) && !container.controller) {
      await new Promise((resolve) => container.addEventListener('controllerchange', resolve));
    }
  });
  return { context, page };
}

async function stopAllWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * A page load (by default with the worker stopped): when its first cart call ended, when its HTML
 * arrived, and in (c) and (e) when the script before the page's own had arrived.
 */
async function firstCallOfLoad(
  page: Page,
  setup: Setup,
  stopped = true,
): Promise<{ call: number; started: number; html: number; dropIn: number }> {
  if (setup !== 'a' && stopped) await stopAllWorkers(page);
  await page.goto(`${originOf(setup)}/first-${setup}.html`);
  return page.evaluate(async () => {
    const w = window as unknown as { firstCall: Promise<number>; callStarted: number };
    const call = await w.firstCall;
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const dropIn = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
      (entry) => /\/(sw-token-interceptor|inert-drop-in)\.js$/.test(entry.name),
    );
    return {
      call,
      started: w.callStarted,
      html: navigation?.responseEnd ?? Number.NaN,
      dropIn: dropIn?.responseEnd ?? Number.NaN,
    };
  });
}

/** Sequential calls of one kind from the page; each time is one call, start to body read. */
function sequential(
  page: Page,
  kind: 'fetch' | 'xhr' | 'image',
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<number[]> {
  return page.evaluate(
    async ({ kind, url, headers, count }) => {
      // No named inner functions: the bench runs through tsx, whose helpers the page lacks.
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        // A URL never requested before, so no cache answers it.
        const target = `${url}${url.includes('?') ? '&' : '?'}i=${i}-${Math.random()}`;
        const start = performance.now();
        await new Promise<void>((resolve, reject) => {
          if (kind === 'fetch') {
            fetch(target, { headers })
              .then((r) => r.arrayBuffer())
              .then(() => resolve(), reject);
          } else if (kind === 'xhr') {
            const xhr = new XMLHttpRequest();
            xhr.open('GET', target);
            for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
            xhr.onload = () => resolve();
            xhr.onerror = reject;
            xhr.send();
          } else {
            const image = new Image();
            image.onload = () => resolve();
            image.onerror = reject;
            image.src = target;
          }
        });
        times.push(performance.now() - start);
      }
      return times;
    },
    { kind, url, headers, count },
  );
}

const KINDS = {
  'API call': () => ({ kind: 'fetch', url: cartUrl }),
  'fetch, own origin': (origin: string) => ({ kind: 'fetch', url: `${origin}/catalog.json` }),
  'XHR, own origin': (origin: string) => ({ kind: 'xhr', url: `${origin}/catalog.json` }),
  'fetch, third party': () => ({ kind: 'fetch', url: `${thirdParty.origin}/collect` }),
  image: (origin: string) => ({ kind: 'image', url: `${origin}/favicon.svg` }),
} satisfies Record<string, (origin: string) => { kind: 'fetch' | 'xhr' | 'image'; url: string }>;
type Kind = keyof typeof KINDS;
const kinds = Object.keys(KINDS) as Kind[];
const nonApiKinds = kinds.filter((kind) => kind !== 'API call');

interface Samples {
  firstCall: number[];
  firstCallRunning: number[];
  html: number[];
  started: number[];
  dropIn: number[];
  calls: Record<Kind, number[]>;
}
const samples = Object.fromEntries(
  SETUPS.map((setup) => [
    setup,
    {
      firstCall: [],
      firstCallRunning: [],
      html: [],
      started: [],
      dropIn: [],
      calls: Object.fromEntries(kinds.map((kind) => [kind, []])),
    } as unknown as Samples,
  ]),
) as Record<Setup, Samples>;
// Ratios are taken between setups measured moments apart (a round's loads, a batch's calls),
// then their median: load on the machine shifts over a run, and hits each ratio's terms alike.
const ratios = {
  firstCallCB: [] as number[],
  firstCallCA: [] as number[],
  firstCallCD: [] as number[],
  firstCallCE: [] as number[],
  firstCallFB: [] as number[],
  calls: Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<Kind, number[]>,
  // Non-API calls: ours against the routing floor (c/d), and the floor against no worker (d/a).
  callsCD: Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<
    Kind,
    number[]
  >,
  callsDA: Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<
    Kind,
    number[]
  >,
};

const started = Date.now();
const contexts = {} as Record<Setup, { context: BrowserContext; page: Page }>;
for (const setup of SETUPS) contexts[setup] = await open(setup);
// One unrecorded load per setup: the first after start-up pays for caches the others find warm.
for (const setup of SETUPS) await firstCallOfLoad(contexts[setup].page, setup);

for (const setup of CALL_SETUPS) {
  await sequential(contexts[setup].page, 'fetch', cartUrl, headersFor(setup), BATCH);
}

for (let r = 0; r < ROUNDS; r++) {
  const order: Setup[] = r % 2 === 0 ? CALL_SETUPS : [...CALL_SETUPS].reverse();
  const first = {} as Record<Setup, number>;
  for (const setup of r % 2 === 0 ? SETUPS : [...SETUPS].reverse()) {
    const { page } = contexts[setup];
    const calls: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { call, started, html, dropIn } = await firstCallOfLoad(page, setup);
      calls.push(call);
      samples[setup].firstCall.push(call);
      samples[setup].html.push(html);
      samples[setup].started.push(started);
      samples[setup].dropIn.push(dropIn);
    }
    // The same load with the worker still running: the difference is what starting it costs.
    samples[setup].firstCallRunning.push((await firstCallOfLoad(page, setup, false)).call);
    first[setup] = median(calls);
  }
  ratios.firstCallCB.push(first.c / first.b);
  ratios.firstCallCA.push(first.c / first.a);
  ratios.firstCallCD.push(first.c / first.d);
  ratios.firstCallCE.push(first.c / first.e);
  ratios.firstCallFB.push(first.f / first.b);
  for (let batch = 0; batch < BATCHES; batch++) {
    for (const kind of kinds) {
      const { kind: how, url } = KINDS[kind](shop.origin);
      const batchMedian = {} as Record<Setup, number>;
      for (const setup of batch % 2 === 0 ? order : [...order].reverse()) {
        // API calls carry the token the page attaches itself in (a) and (b); others carry nothing.
        const headers = kind === 'API call' ? headersFor(setup) : {};
        const times = await sequential(contexts[setup].page, how, url, headers, BATCH);
        samples[setup].calls[kind].push(...times);
        batchMedian[setup] = median(times);
      }
      // API calls are held to the bare worker; everything else to no worker at all.
      const base = kind === 'API call' ? batchMedian.b : batchMedian.a;
      ratios.calls[kind].push(batchMedian.c / base);
      ratios.callsCD[kind].push(batchMedian.c / batchMedian.d);
      ratios.callsDA[kind].push(batchMedian.d / batchMedian.a);
    }
  }
}
for (const { context } of Object.values(contexts)) await context.close();
const chromiumSeconds = Math.round((Date.now() - started) / 1000);

const firefoxPath = firefoxExecutable();
const firefox = firefoxPath
  ? await measureFirefoxEarlyReturn(firefoxPath, {
      shopOrigin: shop.origin,
      thirdPartyOrigin: thirdParty.origin,
      rounds: Math.min(ROUNDS, 5),
      count: BATCH * 2,
    })
  : undefined;

const size = (file: string) => {
  const bytes = readFileSync(path.join(distDir, file));
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
};
const bySetup = <T>(fn: (setup: Setup) => T, setups = SETUPS) =>
  Object.fromEntries(setups.map((setup) => [setup, fn(setup)])) as Record<Setup, T>;
const results = {
  date: new Date().toISOString(),
  browser: `Chromium ${browser.version()}`,
  rounds: ROUNDS,
  seconds: chromiumSeconds,
  setups: {
    a: 'no worker',
    b: 'bare pass-through worker',
    c: 'sw-token-interceptor, stored token',
    d: 'the cheapest worker with our static routing rules',
    e: '(d) with an inert script of the drop-in size before the page script (first call only)',
    f: '(c) with the drop-in served max-age=31536000, immutable (first call only)',
  },
  firstCallWorkerStopped: bySetup((s) => ({
    fromNavigationMedianMs: round(median(samples[s].firstCall)),
    htmlArrivedMedianMs: round(median(samples[s].html)),
    callStartedMedianMs: round(median(samples[s].started)),
    ...(['c', 'e', 'f'].includes(s) && { scriptArrivedMedianMs: round(median(samples[s].dropIn)) }),
    workerRunningMedianMs: round(median(samples[s].firstCallRunning)),
  })),
  nonApiMedianMs: bySetup(
    (s) =>
      Object.fromEntries(nonApiKinds.map((kind) => [kind, round(median(samples[s].calls[kind]))])),
    CALL_SETUPS,
  ),
  warmApi: bySetup(
    (s) => ({
      medianMs: round(median(samples[s].calls['API call'])),
      p95Ms: round(p95(samples[s].calls['API call'])),
    }),
    CALL_SETUPS,
  ),
  ratios: {
    firstCallCOverB: round(median(ratios.firstCallCB)),
    firstCallCOverA: round(median(ratios.firstCallCA)),
    firstCallCOverD: round(median(ratios.firstCallCD)),
    firstCallCOverE: round(median(ratios.firstCallCE)),
    firstCallFOverB: round(median(ratios.firstCallFB)),
    nonApiCOverA: Object.fromEntries(
      nonApiKinds.map((kind) => [kind, round(median(ratios.calls[kind]))]),
    ),
    nonApiCOverD: Object.fromEntries(
      nonApiKinds.map((kind) => [kind, round(median(ratios.callsCD[kind]))]),
    ),
    nonApiDOverA: Object.fromEntries(
      nonApiKinds.map((kind) => [kind, round(median(ratios.callsDA[kind]))]),
    ),
    warmApiCOverB: round(median(ratios.calls['API call'])),
  },
  firefox: firefox ?? 'not installed',
  bundles: {
    dropIn: size('sw-token-interceptor.js'),
    worker: size('sw-token-interceptor.sw.js'),
    fallback: size('sw-token-interceptor.fallback.js'),
  },
  targets: { firstCallCOverB: '<= 1.0', nonApiCOverA: '<= 1.02', warmApiCOverB: '<= 1.05' },
};

const verdict = (value: number, target: number) =>
  `${value} (${value <= target ? 'meets' : 'MISSES'} target <= ${target})`;
console.log(
  `sw-token-interceptor bench, ${results.browser}, ${ROUNDS} rounds alternating setups, ` +
    `${chromiumSeconds} s`,
);
console.log('First cart call of a page load, worker stopped (ms from navigation start):');
console.table(results.firstCallWorkerStopped);
console.log('Non-API requests (ms each):');
console.table(results.nonApiMedianMs);
console.log('API calls, warm worker (ms each):');
console.table(results.warmApi);
console.log(`first call c/b: ${verdict(results.ratios.firstCallCOverB, 1.0)}`);
console.log(`first call c/a: ${results.ratios.firstCallCOverA}`);
console.log(`first call c/d (ours over the routing floor): ${results.ratios.firstCallCOverD}`);
console.log(
  `first call c/e (ours over the routing floor with a script tag): ${results.ratios.firstCallCOverE}`,
);
console.log(
  `first call f/b (ours, the drop-in cached immutable): ${verdict(results.ratios.firstCallFOverB, 1.0)}`,
);
for (const kind of nonApiKinds) {
  console.log(
    `non-API ${kind} c/a: ${verdict(round(median(ratios.calls[kind])), 1.02)}; ` +
      `the routing floor d/a: ${results.ratios.nonApiDOverA[kind]}, ours over it c/d: ` +
      `${results.ratios.nonApiCOverD[kind]}`,
  );
}
console.log(`warm API calls c/b: ${verdict(results.ratios.warmApiCOverB, 1.05)}`);
if (firefox) {
  console.log(`Firefox ${firefox.version}, no static routing: non-API fetch (ms each)`);
  console.table(firefox.medianMs);
  console.log(`Firefox non-API fetch c/a: ${JSON.stringify(firefox.ratioCOverA)}`);
} else {
  console.log('Firefox not installed: its early-return figure is skipped');
}
console.table(results.bundles);
writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results.json');

await closeAll(browser, shop, immutableShop, thirdParty, firmly);
rmSync(pagesDir, { recursive: true, force: true });
