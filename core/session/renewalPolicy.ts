// The renewal policy: when a token is good, when a failed token request is worth another attempt,
// and which refusals are final. Pure, with the time an argument, so each rule is tested without a
// session. Callers import it whole (`import * as renewalPolicy`) so a rule reads as the policy's;
// the bundle still calls each function directly, with no object to carry its names.

import { InterceptorError } from '../errors/errors.js';
import type { StoredSession } from './tokenStore.js';

// The share of a token's life that may be spent renewing it early.
const MARGIN_SHARE_OF_LIFETIME = 0.25;

// Configuration the API refused stays refused: asking again would only repeat the error.
const FATAL_CODES = new Set<string>(['InvalidAppId', 'InvalidApiKey']);

/** Tokens refused in a row, none accepted between, from which renewals wait. */
export const REFUSALS_BEFORE_WAITING = 2;
// The first wait, doubled for each token refused after it, up to the longest: with calls coming
// all the time, four token requests in the first minute, then one a minute.
const FIRST_REFUSAL_WAIT_MS = 10_000;
const LONGEST_REFUSAL_WAIT_MS = 60_000;

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
  return Math.min(configuredMs, (session.expiresAt - session.issuedAt) * MARGIN_SHARE_OF_LIFETIME);
}

/**
 * @param session - the token
 * @param now - local-clock milliseconds
 * @param configuredMarginMs - the configured renewal margin
 * @returns whether a call may use it without renewing it first
 */
export function isFresh(session: StoredSession, now: number, configuredMarginMs: number): boolean {
  return now < session.expiresAt - effectiveMarginMs(session, configuredMarginMs);
}

/**
 * @param session - the token
 * @param now - local-clock milliseconds
 * @returns whether it has not expired: inside the margin it still serves a call that cannot
 *   wait, and stays in use when an early renewal fails
 */
export function isUsable(session: StoredSession, now: number): boolean {
  return now < session.expiresAt;
}

/**
 * Whether a failed token attempt may be tried again at once. A renewal keeps its device, so any
 * `TokenUnavailable` is worth another go. A fresh session is tried again after a `5xx`, a `429`, a
 * malformed answer, a timeout or a lost connection, but not after another `4xx`, which another
 * attempt at once would only repeat. A fresh session that got no answer may still have created a
 * device at the API; that device is lost whether or not we ask again, since its token never
 * arrived, so not asking would only fail the shopper's call (docs/decisions/021).
 *
 * @param error - the failure
 * @param renewing - whether the attempt renewed a session rather than started one
 * @returns whether to try again within the call
 */
export function isRetryable(error: unknown, renewing: boolean): boolean {
  if (error instanceof InterceptorError && error.code !== 'TokenUnavailable') return false;
  if (renewing) return true;
  const status = error instanceof InterceptorError ? error.upstream?.status : undefined;
  return status === undefined || status === 429 || status >= 500;
}

/**
 * @param error - a failure, coded
 * @returns whether it stays until the session is cleared: no token request is made meanwhile
 */
export function isFatal(error: InterceptorError): boolean {
  return FATAL_CODES.has(error.code);
}

/**
 * @param error - a failure
 * @returns how long the token endpoint asked us to wait (`Retry-After`), or 0
 */
export function retryAfterMs(error: unknown): number {
  return (error instanceof InterceptorError && error.upstream?.retryAfterMs) || 0;
}

/**
 * How long renewals wait once the API has refused `inARow` tokens one after another, none
 * accepted between. A first refusal is renewed at once: a token revoked before its expiry
 * (docs/decisions/018). A replacement refused too means the API refuses tokens as such (a revoked
 * app, an origin it does not serve): asking again at once would only bring another token it
 * refuses, so each further renewal waits twice as long as the last, up to a minute.
 *
 * @param inARow - tokens refused in a row
 * @returns how long to wait before the next renewal, 0 for none
 */
export function refusalWaitMs(inARow: number): number {
  if (inARow < REFUSALS_BEFORE_WAITING) return 0;
  return Math.min(
    LONGEST_REFUSAL_WAIT_MS,
    FIRST_REFUSAL_WAIT_MS * 2 ** (inARow - REFUSALS_BEFORE_WAITING),
  );
}
