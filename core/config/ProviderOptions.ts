import type { TokenVia } from '../providers/digitalriver/TokenVia.js';

/**
 * What every provider is configured with, wherever the configuration is written: the script
 * tag's `data-*` attributes, `install()` and `interceptApiCalls()`. One source, so the page's and
 * the worker's public types can never drift apart.
 */
interface SharedOptions {
  /**
   * `data-api-origin`: the exact origin (scheme, host, port) the token comes from and goes to.
   * Default: the provider's production API. `http:` only for `localhost`, `127.0.0.1`, `[::1]`.
   */
  apiOrigin?: string;
  /**
   * `data-api-origins` (space-separated): every exact origin that gets the token, in place of
   * `apiOrigin`. The first is the one the token comes from; the others, such as Firmly's payment
   * host, get it too. Each is listed, never derived by pattern.
   *
   * @example ['https://api.firmly.work', 'https://cc.firmly.work']
   */
  apiOrigins?: readonly string[];
  /** `data-renew-margin-seconds`: renew this long before expiry. Default 300. */
  renewMarginSeconds?: number;
  /** `data-debug`: log each decision to the console (never a token). Default false. */
  debug?: boolean;
}

/** The Firmly Cart API. */
export interface FirmlyOptions extends SharedOptions {
  /** `data-provider` */
  provider: 'firmly';
  /** `data-app-id`: the Firmly application id (public, not a secret). */
  appId: string;
}

/** Digital River Global Commerce. */
export interface DigitalRiverOptions extends SharedOptions {
  /** `data-provider` */
  provider: 'digitalriver';
  /** `data-site-id`: the Global Commerce site id. */
  siteId: string;
  /**
   * `data-api-key`: the site's public API key, which identifies the client on every
   * `oauth20/token` call (and, with `tokenVia: 'api-key'`, goes in SessionToken's URL). Required
   * in production: without it the API refuses the exchange (`InvalidApiKey`).
   */
  apiKey?: string;
  /**
   * `data-token-via`: how the first token is obtained. `oauth` (the default): SessionToken without
   * the key answers a session token, which the worker exchanges at `oauth20/token` and can exchange
   * again. `api-key`: SessionToken with `apiKey` answers the token itself, one request fewer on a
   * first visit; renewal then has only the refresh token, and else needs an open page. Needs
   * `apiKey`.
   */
  tokenVia?: TokenVia;
  /** `data-store-origin`: where SessionToken runs; it never gets the token. Default `https://store.digitalriver.com`. */
  storeOrigin?: string;
}

/** A provider's configuration: a union discriminated by `provider`. */
export type ProviderOptions = FirmlyOptions | DigitalRiverOptions;
