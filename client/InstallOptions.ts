/** What every provider's options have; each mirrors a `data-*` attribute of the script tag. */
interface CommonOptions {
  /** `data-api-origin`: the exact origin that gets the token. Defaults to the provider's API. */
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
  /** `data-debug`: log each decision to the console (never a token). Default false. */
  debug?: boolean;
}

/** Options for the Firmly Cart API. */
export interface FirmlyInstallOptions extends CommonOptions {
  /** `data-provider` */
  provider: 'firmly';
  /** `data-app-id`: the Firmly application id. */
  appId: string;
}

/** Options for Digital River Global Commerce. */
export interface DigitalRiverInstallOptions extends CommonOptions {
  /** `data-provider` */
  provider: 'digitalriver';
  /** `data-site-id`: the Global Commerce site id. */
  siteId: string;
  /** `data-api-key`: the public API key; with it, SessionToken returns the token directly. */
  apiKey?: string;
  /** `data-store-origin`: where SessionToken runs. Default `https://store.digitalriver.com`. */
  storeOrigin?: string;
}

/** Options of {@link install}, by provider. */
export type InstallOptions = FirmlyInstallOptions | DigitalRiverInstallOptions;

/** The default worker URL. */
export const DEFAULT_SW_URL = '/sw-token-interceptor.sw.js';
/** The default worker scope. */
export const DEFAULT_SCOPE = '/';
