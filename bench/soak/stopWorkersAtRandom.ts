import type { Page } from '@playwright/test';
import { withinSeconds } from './withinSeconds';

/**
 * Stops every service worker of a page's browser context at random moments, as the browser stops
 * idle ones, with the calls in flight: `ServiceWorker.stopAllWorkers` over CDP, at intervals drawn
 * evenly from a quarter second to twice the mean less a quarter second.
 *
 * @param page - a page of the context
 * @param meanSeconds - the mean interval
 * @param random - the run's random numbers
 * @returns `stop()`, which ends the stops and says how many were sent and how many running
 *   workers they stopped
 */
export async function stopWorkersAtRandom(page: Page, meanSeconds: number, random: () => number) {
  const cdp = await page.context().newCDPSession(page);
  const running = new Set<string>();
  let workersStopped = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const { versionId, runningStatus } of versions) {
      if (runningStatus === 'running') running.add(versionId);
      else if (runningStatus === 'stopped' && running.delete(versionId)) workersStopped += 1;
    }
  });
  await cdp.send('ServiceWorker.enable');
  let stopsSent = 0;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    const seconds = 0.25 + random() * Math.max(0, 2 * meanSeconds - 0.5);
    timer = setTimeout(() => {
      if (ended) return;
      stopsSent += 1;
      cdp.send('ServiceWorker.stopAllWorkers').then(next, next);
    }, seconds * 1000);
  };
  next();
  return {
    async stop(): Promise<{ stopsSent: number; workersStopped: number }> {
      const detach = !ended;
      ended = true;
      clearTimeout(timer);
      if (detach) await withinSeconds(cdp.detach(), 10, 'detaching').catch(() => undefined);
      return { stopsSent, workersStopped };
    },
  };
}
