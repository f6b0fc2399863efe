/** A page that can run a function: a Playwright page or a cross-browser driver's page. */
interface EvaluatingPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * Moves the library's clock forward in a page served from {@link movableClockDist}: in the page
 * (the fallback's clock) and in the worker that controls it, which confirms before this
 * resolves. Waits for `ready` first, so the worker that will serve the next call is the one moved.
 *
 * @param page - the shop's page
 * @param ms - how far to move
 * @param how - `'time passes'` moves the wall clock and the monotonic one (`performance.now()`);
 *   `'clock corrected'` moves the wall clock alone, as an NTP correction or a shopper does
 */
export async function moveClock(
  page: EvaluatingPage,
  ms: number,
  how: 'time passes' | 'clock corrected' = 'time passes',
): Promise<void> {
  const wallOnly = how === 'clock corrected';
  await page.evaluate(
    async ({ ms, wallOnly }) => {
      const w = window as unknown as {
        __swtiMoveClock?: (ms: number, wallOnly: boolean) => number;
        swTokenInterceptor?: { ready: Promise<void> };
      };
      if (!w.__swtiMoveClock) throw new Error('this page does not run on a movable clock');
      await w.swTokenInterceptor?.ready.catch(() => undefined);
      w.__swtiMoveClock(ms, wallOnly);
      const worker = navigator.serviceWorker?.controller;
      if (!worker) return;
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        worker.postMessage({ swtiMoveClock: ms, wallOnly }, [channel.port2]);
      });
    },
    { ms, wallOnly },
  );
}
