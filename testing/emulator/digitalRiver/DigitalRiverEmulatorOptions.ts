import type { EmulatorCors } from '../cors/EmulatorCors.js';

/** How to start the Digital River emulator. Every field is optional. */
export interface DigitalRiverEmulatorOptions {
  /** Interface to bind both origins to; loopback by default so nothing outside can reach them. */
  host?: string;
  /** Port of the store origin; 0 (the default) picks a free one. */
  storePort?: number;
  /** Port of the API origin; 0 (the default) picks a free one. */
  apiPort?: number;
  /** The one site the store serves, as in `/store/{siteId}/SessionToken`; `demoSite` by default. */
  siteId?: string;
  /**
   * Public API keys `SessionToken` accepts, and `oauth20/token` accepts as the client's
   * identification (`'any'`: every non-empty key, so a storefront's suite can run with its real
   * key); `['demo-public-key']` by default.
   */
  apiKeys?: string[] | 'any';
  /**
   * Whether `oauth20/token` answers 401 `invalid_client` unless the client identifies itself with
   * a known API key: HTTP Basic with the key as the user name (the docs' way for public apps), or
   * `client_id` in the form or the query (the samples' way). On by default, like the real API.
   */
  requireClientId?: boolean;
  /**
   * Whether a session token may be exchanged again after its first exchange, for the life of the
   * shopper session, as Digital River's reference shop relies on; `true` by default. `false`
   * makes each session token single-use.
   */
  sessionTokenReuse?: boolean;
  /** Lifetime of each access token; 86397 s by default, the value in Digital River's samples. */
  accessTokenLifetimeSeconds?: number;
  /** CORS answers of the API origin at start; see {@link EmulatorCors}. `setCors()` changes them later. */
  cors?: EmulatorCors;
  /** Enables the `/__emulator/*` routes and `POST /v1/shoppers/me/echo`; off by default. */
  testControls?: boolean;
}
