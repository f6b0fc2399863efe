import type { EmulatorCors } from '../cors/EmulatorCors.js';

/** How to start the Firmly emulator. Every field is optional. */
export interface FirmlyEmulatorOptions {
  /** Interface to bind; loopback by default so the emulator is never reachable from outside. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Application ids the browser-session endpoint accepts: `'any'` (the default) accepts every one,
   * so a storefront's suite runs with its real id; a list accepts only those and answers any other
   * with 400 `InvalidAppId`, as Firmly does.
   */
  appIds?: string[] | 'any';
  /** Lifetime of each issued token; 3600 s by default, as Firmly documents. */
  tokenLifetimeSeconds?: number;
  /** How long after expiry a token may still be renewed; one week by default, as Firmly documents. */
  renewWindowSeconds?: number;
  /** CORS answers at start; see {@link EmulatorCors} for each default. `setCors()` changes them later. */
  cors?: EmulatorCors;
  /** Enables the `/__emulator/*` routes and `POST /api/v2/echo`; off by default. */
  testControls?: boolean;
}
