import type { ProviderId } from '../core/WorkerConfig.js';

/**
 * The configuration of an interceptor hosted in a storefront's own worker: the same fields as
 * the script tag's `data-provider`, `data-app-id`, `data-api-origin` and
 * `data-renew-margin-seconds`.
 */
export interface WorkerOptions {
  provider: ProviderId;
  appId: string;
  /** Default `https://api.firmly.work`. */
  apiOrigin?: string;
  /** Default 300. */
  renewMarginSeconds?: number;
  /** Log each decision to the console (never a token). Default false. */
  debug?: boolean;
}
