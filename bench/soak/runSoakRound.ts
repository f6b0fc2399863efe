import type { Browser } from '@playwright/test';
import type { FaultTally } from './injectTokenFaults';
import type { SoakApi, SoakProvider } from './SoakApi';
import { stopWorkersAtRandom } from './stopWorkersAtRandom';
import { type CallRecord, HUNG_MS } from './summarizeRound';
import { withinSeconds } from './withinSeconds';

/** One provider's shop in a round: its emulator, where its pages live, and what its calls carry. */
export interface SoakShop {
  api: SoakApi;
  /** The page to open: ours (the library's tag) or the control's (a bare pass-through worker). */
  pageUrl: string;
  /** Headers every call carries: none for ours, the page's own token for the control. */
  headers: Record<string, string>;
}

/** What a round needs besides its shops. */
export interface SoakRoundPlan {
  browser: Browser;
  /** The driver script added to every page (bench/pages/soak-driver.js). */
  driverPath: string;
  /** Prefixes every POST body id of the round, so ids never repeat across rounds. */
  id: string;
  tabsPerShop: number;
  callsPerTab: number;
  seconds: number;
  stopEvery: number;
  stopRandom: () => number;
  /** Called as the round begins, before its first page opens, and once its calls are over. */
  onCalls(phase: 'start' | 'end'): void;
}

/** What one round gave: each provider's call records, and the stops. */
export interface SoakRoundRecords {
  records: Record<SoakProvider, CallRecord[]>;
  stopsSent: number;
  workersStopped: number;
  faults?: Record<SoakProvider, FaultTally>;
}

type SoakWindow = { soakRun(run: unknown): Promise<CallRecord[]>; workerReady?: Promise<unknown> };

/**
 * Runs one round in a fresh browser profile: the tabs of every shop open at once (a first visit),
 * then call on their schedules while every worker is stopped at random.
 *
 * @param plan - the browser, the load and the stops
 * @param shops - the providers' shops, in one setup
 * @returns every call's record, and how many stops were sent and how many workers they stopped
 */
export async function runSoakRound(
  plan: SoakRoundPlan,
  shops: readonly SoakShop[],
): Promise<Omit<SoakRoundRecords, 'faults'>> {
  const context = await plan.browser.newContext();
  plan.onCalls('start');
  let stops: Awaited<ReturnType<typeof stopWorkersAtRandom>> | undefined;
  try {
    await context.addInitScript({ path: plan.driverPath });
    const tabs = [];
    for (const shop of shops) {
      for (let t = 0; t < plan.tabsPerShop; t++) tabs.push({ shop, page: await context.newPage() });
    }
    await Promise.all(tabs.map(({ shop, page }) => page.goto(shop.pageUrl)));
    // The control's pages wait for their worker; ours call at once, as a first visit's scripts do.
    await withinSeconds(
      Promise.all(
        tabs.map(({ page }) =>
          page.evaluate(() => (window as unknown as SoakWindow).workerReady ?? null),
        ),
      ),
      60,
      'waiting for the pass-through workers to take control',
    );
    const [first] = tabs;
    if (!first) throw new Error('a round needs a tab');
    stops = await withinSeconds(
      stopWorkersAtRandom(first.page, plan.stopEvery, plan.stopRandom),
      30,
      'starting the worker stops',
    );
    // The driver itself gives up on a call after its hung time; past that the page is stuck.
    const callsBound = plan.seconds + HUNG_MS / 1000 + 60;
    const calls = Promise.all(
      tabs.map(({ shop, page }, i) =>
        page.evaluate((run) => (window as unknown as SoakWindow).soakRun(run), {
          id: `${plan.id}-${i}`,
          calls: plan.callsPerTab,
          seconds: plan.seconds,
          hungMs: HUNG_MS,
          getUrl: shop.api.getUrl,
          postUrl: shop.api.postUrl,
          headers: shop.headers,
        }),
      ),
    );
    const perTab = await withinSeconds(calls, callsBound, 'making the calls').finally(() =>
      plan.onCalls('end'),
    );
    const { stopsSent, workersStopped } = await withinSeconds(
      stops.stop(),
      30,
      'ending the worker stops',
    );
    const records = { firmly: [], digitalriver: [] } as Record<SoakProvider, CallRecord[]>;
    tabs.forEach(({ shop }, i) => {
      records[shop.api.provider].push(...(perTab[i] ?? []));
    });
    return { records, stopsSent, workersStopped };
  } finally {
    await stops?.stop();
    // A context that will not close is left to the browser's own close at the end of the run.
    await withinSeconds(context.close(), 30, 'closing the browser profile').catch(
      (error: unknown) => console.error(`soak: ${(error as Error).message}; going on`),
    );
  }
}
