import type { FaultKind } from '../../testing/emulator/faults/Fault';

/** The providers the soak drives, one shop each. */
export type SoakProvider = 'firmly' | 'digitalriver';

/** The token-endpoint faults the soak injects. */
export type SoakFault = { kind: Extract<FaultKind, 'status500' | 'drop' | 'status429'> } & {
  retryAfter?: number;
};

/**
 * One provider's emulator as the soak reads and steers it: where its calls go, what it counted
 * since the round began, and its token endpoint's fault queue.
 */
export interface SoakApi {
  provider: SoakProvider;
  /** For the figures: `Firmly`, `Digital River`. */
  label: string;
  /** A cart read that needs the token. */
  getUrl: string;
  /** The emulator's echo route: an authenticated POST whose body reaches its request log. */
  postUrl: string;
  /**
   * Reads what reached the API since the last poll: each POST body's `soakId` is counted in
   * `arrivals`. The emulator keeps only its latest 1000 log entries, so the soak polls often.
   */
  poll(arrivals: Map<string, number>): void;
  /** Token-endpoint requests since the round began, whatever their answer. */
  tokenRequests(): number;
  /** Token requests the endpoint answered itself (tokens, refusals), not an injected fault. */
  grants(): number;
  /** Devices (Firmly) or shopper sessions (Digital River's password grants) created. */
  devices(): number;
  /** Cart calls the API refused with 401: they arrived without a valid token. */
  unauthorized(): number;
  /** Makes the token endpoint's next request misbehave. */
  injectFault(fault: SoakFault): void;
  /** Starts a round: counters zeroed, log emptied, no fault pending. */
  reset(): void;
}
