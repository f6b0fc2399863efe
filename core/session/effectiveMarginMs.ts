import type { StoredSession } from './tokenStore.js';

// The share of a token's life that may be spent renewing it early.
const MARGIN_SHARE_OF_LIFETIME = 0.25;

/**
 * The renewal margin that fits one token: the configured margin, but never more than a quarter
 * of the token's own life. A token that lives two seconds under a five-minute margin would
 * otherwise be "due for renewal" from the moment it arrives, and every call would ask for a new
 * one.
 *
 * @param session - the token, with when it was obtained
 * @param configuredMs - the configured margin
 * @returns how long before expiry to renew it
 */
export function effectiveMarginMs(session: StoredSession, configuredMs: number): number {
  if (session.issuedAt === undefined) return configuredMs;
  return Math.min(configuredMs, (session.expiresAt - session.issuedAt) * MARGIN_SHARE_OF_LIFETIME);
}
