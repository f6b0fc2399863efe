import { decodeWorkerConfig } from '../../core/config/workerConfigSearch.js';
import type { ValidInstallOptions } from '../config/validateInstallOptions.js';

/**
 * Whether the static routing rules this page was loaded under send its API calls to the worker.
 * Chromium keeps those rules for the page's whole life, even after a newer worker claims it, and
 * our worker's rules send everything not addressed to its API origin straight to the network. So
 * a page loaded under our worker configured for another API origin (or under a worker that is
 * not ours, whose rules it cannot know) would send its calls past the new worker, without a token,
 * until its next navigation.
 *
 * @param loadedUnder - the worker that controlled the page when it loaded, if any
 * @param options - this page's configuration
 * @returns true when the rules cover every configured API origin, or there were none (the page was not
 *   controlled: a worker that claims it brings its own)
 */
export function routesReachWorker(
  loadedUnder: ServiceWorker | null | undefined,
  options: ValidInstallOptions,
): boolean {
  if (!loadedUnder) return true;
  // Both URLs are absolute and same-origin, with the configuration in the query.
  const [path, query = ''] = loadedUnder.scriptURL.split('?');
  const covered = (decodeWorkerConfig(query).apiOrigins ?? '').split(' ');
  return (
    path === options.scriptURL.split('?')[0] &&
    options.worker.apiOrigins.every((origin) => covered.includes(origin))
  );
}
