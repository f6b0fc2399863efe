/** The providers this build knows. */
export type ProviderId = 'firmly';

/**
 * What the worker needs to know. It travels in the worker script's URL, so it survives the worker
 * being stopped and restarted, and no page message can change it.
 */
export interface WorkerConfig {
  provider: ProviderId;
  /** The Firmly application id (public, not a secret). */
  appId: string;
  /** The exact origin (scheme, host, port) whose requests get the token. */
  apiOrigin: string;
  /** Renew this many seconds before expiry. */
  renewMarginSeconds: number;
}

/** Firmly's own browser client renews when `expires - 300 <= now`. */
export const DEFAULT_RENEW_MARGIN_SECONDS = 300;

/** Where Firmly's production API lives. */
export const DEFAULT_FIRMLY_API_ORIGIN = 'https://api.firmly.work';
