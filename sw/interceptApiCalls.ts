import { OPTION_NAMES } from '../core/config/fieldNames.js';
import { validateWorkerConfig } from '../core/config/validateWorkerConfig.js';
import { InterceptorError } from '../core/errors/errors.js';
import { registerWorkboxRoutes } from './routing/registerWorkboxRoutes.js';
import { startValidatedInterceptor } from './startValidatedInterceptor.js';
import type { WorkerOptions } from './WorkerOptions.js';
import type { WorkerScope } from './WorkerScope.js';

function isServiceWorkerScope(scope: WorkerScope): scope is WorkerScope & ServiceWorkerGlobalScope {
  const s = scope as Partial<ServiceWorkerGlobalScope>;
  return (
    typeof s.addEventListener === 'function' &&
    typeof s.clients === 'object' &&
    s.clients !== null &&
    typeof s.registration === 'object'
  );
}

/**
 * Hosts the interceptor in a storefront's own service worker. It adds routes for the API origin
 * and answers the drop-in's messages; the worker's install, activate and other routes stay the
 * storefront's. Call it before registering fetch handlers of your own, so API calls reach it first.
 *
 * @param scope - the service worker's global scope: `self`, however your lib types it
 * @param options - the same settings as the script tag, by provider
 * @throws InterceptorError `ConfigInvalid` naming the bad option, or when `scope` is not a
 *   service worker's global scope
 * @example
 * ```ts
 * import { interceptApiCalls } from 'sw-token-interceptor/sw';
 * interceptApiCalls(self, { provider: 'firmly', appId: 'YOUR_APPLICATION_ID' });
 * ```
 */
export function interceptApiCalls(scope: WorkerScope, options: WorkerOptions): void {
  if (!isServiceWorkerScope(scope)) {
    throw new InterceptorError(
      'ConfigInvalid',
      "interceptApiCalls(scope) needs the service worker's global scope, self",
    );
  }
  // Bundled into the storefront's worker, whose Workbox (if any) shares its router with ours.
  startValidatedInterceptor(
    scope,
    validateWorkerConfig(options, OPTION_NAMES),
    registerWorkboxRoutes,
  );
}
