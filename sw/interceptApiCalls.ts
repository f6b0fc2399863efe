import { OPTION_NAMES, validateWorkerConfig } from '../core/validateWorkerConfig.js';
import { startValidatedInterceptor } from './startValidatedInterceptor.js';
import type { WorkerOptions } from './WorkerOptions.js';

/**
 * Hosts the interceptor in a storefront's own service worker. It adds routes for the API origin
 * and answers the drop-in's messages; the worker's install, activate and other routes stay the
 * storefront's. Call it before registering fetch handlers of your own, so API calls reach it first.
 *
 * @param scope - the worker's global scope (`self`)
 * @param options - the same settings as the script tag
 * @throws InterceptorError `ConfigInvalid` naming the bad option
 * @example
 * ```ts
 * import { interceptApiCalls } from 'sw-token-interceptor/sw';
 * declare const self: ServiceWorkerGlobalScope;
 * interceptApiCalls(self, { provider: 'firmly', appId: 'YOUR_APPLICATION_ID' });
 * ```
 */
export function interceptApiCalls(scope: ServiceWorkerGlobalScope, options: WorkerOptions): void {
  startValidatedInterceptor(scope, validateWorkerConfig(options, OPTION_NAMES));
}
