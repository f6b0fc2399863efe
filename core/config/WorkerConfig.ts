import type { TokenVia } from '../providers/digitalriver/TokenVia.js';

/** The providers this build knows. */
export type ProviderId = 'firmly' | 'digitalriver';

/** What every provider's configuration has. */
interface BaseConfig {
  /** The origin the token is obtained from: the first of {@link BaseConfig.apiOrigins}. */
  apiOrigin: string;
  /**
   * Every exact origin (scheme, host, port) whose requests get the token, `apiOrigin` first:
   * for example Firmly's API host and its payment host. Listed, never derived by pattern.
   */
  apiOrigins: readonly string[];
  /** Renew this many seconds before expiry. */
  renewMarginSeconds: number;
  /** Log each decision to the console (never a token). */
  debug: boolean;
}

/** The Firmly Cart API. */
export interface FirmlyConfig extends BaseConfig {
  provider: 'firmly';
  /** The Firmly application id (public, not a secret). */
  appId: string;
}

/** Digital River Global Commerce. */
export interface DigitalRiverConfig extends BaseConfig {
  provider: 'digitalriver';
  /** The Global Commerce site id. */
  siteId: string;
  /** The public API key: it identifies the client on `oauth20/token` (HTTP Basic user name). */
  apiKey?: string;
  /**
   * How the first token is obtained: `oauth`, SessionToken's `session_token` exchanged at
   * `oauth20/token`; or `api-key`, SessionToken with the API key, which answers the token itself.
   */
  tokenVia: TokenVia;
  /** The store origin that serves the SessionToken site action. It never gets the token. */
  storeOrigin: string;
}

/**
 * What the worker needs to know. It travels in the worker script's URL, so it survives the worker
 * being stopped and restarted, and no page message can change it.
 */
export type WorkerConfig = FirmlyConfig | DigitalRiverConfig;

/** Firmly's own browser client renews when `expires - 300 <= now`. */
export const DEFAULT_RENEW_MARGIN_SECONDS = 300;

/** Where each provider's production API lives. */
export const DEFAULT_API_ORIGINS: Readonly<Record<ProviderId, string>> = {
  firmly: 'https://api.firmly.work',
  digitalriver: 'https://api.digitalriver.com',
};

/** Where Digital River's store (and its SessionToken site action) lives. */
export const DEFAULT_DIGITAL_RIVER_STORE_ORIGIN = 'https://store.digitalriver.com';
