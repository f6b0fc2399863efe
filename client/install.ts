import { OPTION_NAMES } from '../core/config/fieldNames.js';
import { type InstallFieldNames, validateInstallOptions } from './config/validateInstallOptions.js';
import type { InstallOptions } from './InstallOptions.js';
import type { SwTokenInterceptor } from './SwTokenInterceptor.js';
import { startClient } from './startClient.js';

const INSTALL_NAMES: InstallFieldNames = {
  ...OPTION_NAMES,
  swUrl: 'swUrl',
  scope: 'scope',
  registerWorker: 'registerWorker',
};

/**
 * Starts the interceptor from a bundle: the same as the script tag, with options instead of
 * `data-*` attributes.
 *
 * @param options - the configuration
 * @returns the same handle the script tag puts on `window.swTokenInterceptor`
 * @throws InterceptorError `ConfigInvalid` naming the bad option
 * @example
 * ```ts
 * import { install } from 'sw-token-interceptor';
 * const interceptor = install({ provider: 'firmly', appId: 'YOUR_APPLICATION_ID' });
 * await interceptor.ready;
 * ```
 */
export function install(options: InstallOptions): SwTokenInterceptor {
  return startClient(
    validateInstallOptions(options, INSTALL_NAMES, new URL(window.location.href)),
    () => import('./fallbackChunk.js'),
  );
}
