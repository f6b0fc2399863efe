import { CHECKOUT_PATH } from '../core/checkout/CheckoutOptions.js';
import { fieldNames, OPTION_NAMES } from '../core/config/fieldNames.js';
import type { RawWorkerConfig } from '../core/config/RawWorkerConfig.js';
import { validateWorkerConfig } from '../core/config/validateWorkerConfig.js';
import { decodeWorkerConfig } from '../core/config/workerConfigSearch.js';
import { debugLog } from '../core/DebugLog.js';
import { InterceptorError } from '../core/errors/errors.js';
import { addStaticRoutes } from './routing/addStaticRoutes.js';
import { listenForRoutes } from './routing/listenForRoutes.js';
import type { WorkerRoute } from './routing/WorkerRoute.js';
import { startValidatedInterceptor } from './startValidatedInterceptor.js';

declare const self: ServiceWorkerGlobalScope & {
  /** Set by a storefront's own worker before `importScripts` of this file. */
  swTokenInterceptorConfig?: RawWorkerConfig;
};

const embedded = self.swTokenInterceptorConfig;
// This file carries its own router in any case (imported with `importScripts`, it shares no
// module with the storefront's worker), so one fetch listener is all it needs (decision 012).
const addRoutes = (routes: readonly WorkerRoute[]) => listenForRoutes(self, routes);

try {
  if (embedded === undefined) {
    // Registered by the drop-in: the configuration lives in this script's URL, which survives
    // the worker being stopped and restarted and which no page message can change.
    const config = validateWorkerConfig(decodeWorkerConfig(self.location.search), OPTION_NAMES);
    // Take control at once, so the very first cart call of a first visit goes through the worker;
    // and, where the browser can, keep every request but API calls from reaching it at all.
    const log = debugLog(config.debug);
    self.addEventListener('install', (event) =>
      event.waitUntil(
        Promise.all([
          self.skipWaiting(),
          // Digital River's checkout hand-off is a navigation the worker must answer itself.
          addStaticRoutes(
            event,
            config.apiOrigins,
            config.provider === 'digitalriver'
              ? new URL(CHECKOUT_PATH, self.registration.scope)
              : undefined,
          ).then((routed) =>
            log?.(
              routed
                ? 'static routing on: only API calls reach the worker; navigations start it'
                : 'static routing unavailable: the fetch handler lets non-API requests pass',
            ),
          ),
        ]),
      ),
    );
    self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
    startValidatedInterceptor(self, config, addRoutes);
  } else {
    // Imported by a storefront's own worker, whose lifecycle stays its own.
    startValidatedInterceptor(
      self,
      validateWorkerConfig(
        embedded,
        fieldNames((key) => `swTokenInterceptorConfig.${key}`),
      ),
      addRoutes,
    );
  }
} catch (error) {
  const code = error instanceof InterceptorError ? error.code : 'ConfigInvalid';
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[sw-token-interceptor] ${code}: ${message}`);
}
