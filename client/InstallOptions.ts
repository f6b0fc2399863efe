import type { DigitalRiverOptions, FirmlyOptions } from '../core/config/ProviderOptions.js';

/** What only the page configures: where our worker lives, and whether to register it. */
interface PageOptions {
  /** `data-sw-url`: where the worker file is served, on this page's origin. Default `/sw-token-interceptor.sw.js`. */
  swUrl?: string;
  /** `data-scope`: the worker's scope; it must contain the page. Default `/`. */
  scope?: string;
  /**
   * `data-register-worker`: `false` when the storefront's own worker hosts the interceptor
   * (`importScripts` or `sw-token-interceptor/sw`), so no worker of ours is registered. Default true.
   */
  registerWorker?: boolean;
}

/** Options of {@link install} for the Firmly Cart API: {@link FirmlyOptions} and the page's own. */
export interface FirmlyInstallOptions extends FirmlyOptions, PageOptions {}

/** Options of {@link install} for Digital River: {@link DigitalRiverOptions} and the page's own. */
export interface DigitalRiverInstallOptions extends DigitalRiverOptions, PageOptions {}

/** Options of {@link install}, by provider. */
export type InstallOptions = FirmlyInstallOptions | DigitalRiverInstallOptions;

/** The default worker URL. */
export const DEFAULT_SW_URL = '/sw-token-interceptor.sw.js';
/** The default worker scope. */
export const DEFAULT_SCOPE = '/';
