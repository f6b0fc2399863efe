import puppeteer, { type Page } from 'puppeteer-core';
import { median, round } from './stats';

/** Where the pages and the third party live. */
export interface FirefoxBenchOptions {
  shopOrigin: string;
  thirdPartyOrigin: string;
  rounds: number;
  /** Calls per kind, setup and round. */
  count: number;
}

type Setup = 'a' | 'b' | 'c';
const KINDS = ['fetch, own origin', 'fetch, third party'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Firefox has no static routing, so every request of a controlled page reaches the worker's
 * fetch handler; ours returns early, without `respondWith`, for anything not an API call. This
 * measures what that costs a non-API `fetch` against no worker (a) and a bare pass-through
 * worker (b), with the setups alternating round by round.
 *
 * @param executablePath - Firefox
 * @param options - origins and sizes
 * @returns medians per setup and kind, and the per-round c/a ratios' medians
 */
export async function measureFirefoxEarlyReturn(
  executablePath: string,
  options: FirefoxBenchOptions,
): Promise<{
  version: string;
  medianMs: Record<Setup, Record<Kind, number>>;
  ratioCOverA: Record<Kind, number>;
}> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
  });
  try {
    const pages = {} as Record<Setup, Page>;
    for (const [setup, path] of [
      ['a', '/blank.html'],
      ['b', '/passthrough.html'],
      ['c', '/tag-only.html'],
    ] as const) {
      const page = await (await browser.createBrowserContext()).newPage();
      await page.goto(`${options.shopOrigin}${path}`);
      await page.evaluate(async () => {
        const w = window as unknown as {
          workerReady?: Promise<unknown>;
          swTokenInterceptor?: { session(): Promise<unknown> };
        };
        await w.workerReady;
        await w.swTokenInterceptor?.session();
      });
      pages[setup] = page;
    }
    const urls: Record<Kind, string> = {
      'fetch, own origin': `${options.shopOrigin}/catalog.json`,
      'fetch, third party': `${options.thirdPartyOrigin}/collect`,
    };
    const samples = {} as Record<Setup, Record<Kind, number[]>>;
    const ratios = { 'fetch, own origin': [], 'fetch, third party': [] } as Record<Kind, number[]>;
    for (const setup of ['a', 'b', 'c'] as const) {
      samples[setup] = { 'fetch, own origin': [], 'fetch, third party': [] };
    }
    for (let r = 0; r < options.rounds; r++) {
      const order: Setup[] = r % 2 === 0 ? ['a', 'b', 'c'] : ['c', 'b', 'a'];
      const thisRound = {} as Record<Setup, Record<Kind, number>>;
      for (const setup of order) {
        thisRound[setup] = {} as Record<Kind, number>;
        for (const kind of KINDS) {
          const times = await pages[setup].evaluate(
            async (url: string, count: number) => {
              const out: number[] = [];
              for (let i = 0; i < count; i++) {
                const start = performance.now();
                await (await fetch(`${url}?i=${i}`)).arrayBuffer();
                out.push(performance.now() - start);
              }
              return out;
            },
            urls[kind],
            options.count,
          );
          samples[setup][kind].push(...times);
          thisRound[setup][kind] = median(times);
        }
      }
      for (const kind of KINDS) ratios[kind].push(thisRound.c[kind] / thisRound.a[kind]);
    }
    const medianMs = {} as Record<Setup, Record<Kind, number>>;
    for (const setup of ['a', 'b', 'c'] as const) {
      medianMs[setup] = {
        'fetch, own origin': round(median(samples[setup]['fetch, own origin'])),
        'fetch, third party': round(median(samples[setup]['fetch, third party'])),
      };
    }
    return {
      version: await browser.version(),
      medianMs,
      ratioCOverA: {
        'fetch, own origin': round(median(ratios['fetch, own origin'])),
        'fetch, third party': round(median(ratios['fetch, third party'])),
      },
    };
  } finally {
    await browser.close();
  }
}
