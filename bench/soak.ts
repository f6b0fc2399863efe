/**
 * `npm run soak`: does any call get lost, hang, go out without a valid token or arrive twice when
 * the browser keeps stopping the worker and the token endpoint keeps failing? Several tabs of a
 * Firmly and a Digital River shop make thousands of cart calls (fetch GET and POST, XHR POST,
 * keepalive POST) in real Chromium, while every worker is stopped at random
 * (`ServiceWorker.stopAllWorkers`), tokens live a few seconds, and token requests are answered by
 * injected faults (500, a dropped connection, 429 with `Retry-After`). Each round is a fresh
 * browser profile, so each starts as a first visit. Rounds alternate two setups: ours, and as a
 * control a bare pass-through worker whose pages attach a token themselves, under the same stops,
 * so what the browser itself loses shows apart from what we lose. Prints medians per round and
 * totals per setup and provider, the ideal's formula and every loss; writes bench/soakResults.json.
 * A benchmark, not a test: nothing is asserted, and `npm test` does not run it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startStorefront } from '../demo/storefrontServer';
import { chromiumExecutable } from '../e2e/chromiumExecutable';
import { closeAll } from './closeAll';
import { createRandom } from './soak/createRandom';
import { IDEAL_TOKEN_REQUESTS_FORMULA } from './soak/idealTokenRequests';
import { type FaultTally, injectTokenFaults } from './soak/injectTokenFaults';
import {
  type FailedRound,
  printSoak,
  type SoakRound,
  type SoakSetup,
  soakSummary,
} from './soak/reportSoak';
import { runSoakRound, type SoakShop } from './soak/runSoakRound';
import type { SoakApi, SoakProvider } from './soak/SoakApi';
import { parseSoakOptions, SOAK_USAGE } from './soak/soakOptions';
import { DR_API_KEY, DR_SITE, mintControlHeaders, startSoakApis } from './soak/startSoakApis';
import { summarizeRound } from './soak/summarizeRound';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST soaks another build (such as main's) with this bench, as `npm run bench` does.
const distDir = process.env.BENCH_DIST
  ? path.resolve(process.env.BENCH_DIST)
  : path.join(root, 'dist');
const pagesDir = path.join(root, 'bench', 'pages');

let options: ReturnType<typeof parseSoakOptions>;
try {
  options = parseSoakOptions(process.argv.slice(2), Math.floor(Math.random() * 2 ** 32));
} catch (error) {
  console.error(`${(error as Error).message}\n${SOAK_USAGE}`);
  process.exit(2);
}
const callsPerTab = Math.floor(options.calls / (2 * options.tabs));

const ours = await startSoakApis(options.lifetime);
// The control's tokens come from Node once and must outlive the run.
const control = await startSoakApis(3600);
const firmlyShop = await startStorefront({
  apiOrigin: ours.firmlyOrigin,
  appId: 'demo-app',
  distDir,
  extraStaticDirs: [pagesDir],
});
const drShop = await startStorefront({
  apiOrigin: ours.firmlyOrigin,
  appId: 'demo-app',
  distDir,
  extraStaticDirs: [pagesDir],
  digitalRiver: { siteId: DR_SITE, apiKey: DR_API_KEY, ...ours.digitalRiverOrigins },
});
const controlHeaders = await mintControlHeaders(control, firmlyShop.origin);
const browser = await chromium.launch({
  headless: true,
  executablePath: chromiumExecutable(),
  args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
});

function shopsOf(setup: SoakSetup): SoakShop[] {
  const apis = setup === 'ours' ? ours : control;
  const shop = (api: SoakApi, origin: string, ourPage: string): SoakShop => ({
    api,
    pageUrl: `${origin}${setup === 'ours' ? ourPage : '/passthrough.html'}`,
    headers: setup === 'ours' ? {} : controlHeaders[api.provider],
  });
  return [
    shop(apis.firmly, firmlyShop.origin, '/tag-only.html'),
    shop(apis.digitalRiver, drShop.origin, '/digitalriver-tag-only.html'),
  ];
}

// Every POST body's arrivals at either setup's APIs, by its id; the logs are drained often.
const arrivals = new Map<string, number>();
const allApis = [ours.firmly, ours.digitalRiver, control.firmly, control.digitalRiver];
let injectors: { provider: SoakProvider; faults: ReturnType<typeof injectTokenFaults> }[] = [];
const poll = () => {
  for (const api of allApis) api.poll(arrivals);
  for (const { faults } of injectors) faults.tick(Date.now());
};
const poller = setInterval(poll, 50);

const stopRandom = createRandom(options.seed);
const faultRandom = createRandom(options.seed ^ 0x9e3779b9);
const started = Date.now();
console.log(
  `sw-token-interceptor soak, Chromium ${browser.version()}, seed ${options.seed}: ` +
    `${options.rounds} rounds per setup alternating (ours, control, …), each ${options.tabs} ` +
    `tabs per provider making ${callsPerTab * 2 * options.tabs} calls over ${options.seconds} s, ` +
    `every worker stopped every ${options.stopEvery} s on average, tokens living ` +
    `${options.lifetime} s, faults before ${Math.round(options.faults * 100)} % of our token requests`,
);
const rounds: SoakRound[] = [];
const failed: FailedRound[] = [];
for (let r = 0; r < 2 * options.rounds; r++) {
  const setup: SoakSetup = r % 2 === 0 ? 'ours' : 'control';
  const shops = shopsOf(setup);
  for (const { api } of shops) api.reset();
  let tallies: Record<SoakProvider, FaultTally> | undefined;
  const running = runSoakRound(
    {
      browser,
      driverPath: path.join(pagesDir, 'soak-driver.js'),
      id: `r${r}`,
      tabsPerShop: options.tabs,
      callsPerTab,
      seconds: options.seconds,
      stopEvery: options.stopEvery,
      stopRandom,
      onCalls(phase) {
        if (setup === 'control') return;
        if (phase === 'end') {
          tallies = Object.fromEntries(
            injectors.map(({ provider, faults }) => [provider, faults.tally]),
          ) as Record<SoakProvider, FaultTally>;
          injectors = [];
          return;
        }
        injectors = shops.map(({ api }) => ({
          provider: api.provider,
          faults: injectTokenFaults(api, options.faults, faultRandom),
        }));
      },
    },
    shops,
  );
  const result = await running.catch((error: unknown) => {
    // A round the browser or the harness hung in (not a call: calls have their own bound) is
    // left out of the figures and said so.
    injectors = [];
    const reason = (error as Error).message.split('\n')[0] ?? String(error);
    failed.push({ round: r + 1, setup, reason });
    console.log(`round ${r + 1} (${setup}): FAILED, ${reason}; left out of the figures`);
    return undefined;
  });
  if (!result) continue;
  poll();
  const providers = {} as SoakRound['providers'];
  for (const { api } of shops) {
    const tally = tallies?.[api.provider];
    providers[api.provider] = summarizeRound(
      result.records[api.provider],
      arrivals,
      api.unauthorized(),
      tally && {
        requests: api.tokenRequests(),
        faulted: api.tokenRequests() - api.grants(),
        insideRetryAfter: tally.insideRetryAfter,
        devices: api.devices(),
        lifetimeSeconds: options.lifetime,
      },
    );
  }
  rounds.push({
    setup,
    stopsSent: result.stopsSent,
    workersStopped: result.workersStopped,
    providers,
  });
  const line = (provider: SoakProvider) => {
    const f = providers[provider];
    return `${provider} ${f.calls} calls, ${f.lost} lost, ${f.hung} hung, ${f.withoutValidToken} without a valid token, ${f.receivedTwice} twice${f.tokenRequests === null ? '' : `, ${f.tokenRequests}/${f.idealTokenRequests} token requests`}`;
  };
  console.log(
    `round ${r + 1} (${setup}): ${result.workersStopped} workers stopped; ${line('firmly')}; ${line('digitalriver')}`,
  );
}
clearInterval(poller);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`${seconds} s`);
printSoak(rounds, failed);

const commit = (() => {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root }).toString().trim();
    return dirty ? `${sha} (with changes)` : sha;
  } catch {
    return 'unknown';
  }
})();
writeFileSync(
  path.join(root, 'bench', 'soakResults.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      browser: `Chromium ${browser.version()}`,
      options,
      callsPerTab,
      seconds,
      idealFormula: IDEAL_TOKEN_REQUESTS_FORMULA,
      summary: soakSummary(rounds),
      failed,
      rounds,
    },
    null,
    2,
  )}\n`,
);
console.log('written to bench/soakResults.json');

await closeAll(browser, firmlyShop, drShop, ours, control);
