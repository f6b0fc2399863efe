import type { ProviderId } from '../core/WorkerConfig';

/** Options of {@link install}; each mirrors a `data-*` attribute of the script tag. */
export interface InstallOptions {
  /** `data-provider`: which API. */
  provider: ProviderId;
  /** `data-app-id`: the Firmly application id. */
  appId: string;
  /** `data-api-origin`: the exact origin that gets the token. Default `https://api.firmly.work`. */
  apiOrigin?: string;
  /** `data-sw-url`: where the worker file is served, on this page's origin. Default `/sw-token-interceptor.sw.js`. */
  swUrl?: string;
  /** `data-scope`: the worker's scope; it must contain the page. Default `/`. */
  scope?: string;
  /** `data-renew-margin-seconds`: renew this long before expiry. Default 300. */
  renewMarginSeconds?: number;
  /**
   * `data-register-worker`: `false` when the storefront's own worker hosts the interceptor
   * (`importScripts` or `sw-token-interceptor/sw`), so no worker of ours is registered. Default true.
   */
  registerWorker?: boolean;
}

/** The default worker URL. */
export const DEFAULT_SW_URL = '/sw-token-interceptor.sw.js';
/** The default worker scope. */
export const DEFAULT_SCOPE = '/';
