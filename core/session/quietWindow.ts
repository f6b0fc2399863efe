import type { Clock, MonotonicClock } from '../Clock.js';
import { InterceptorError } from '../errors/errors.js';
import * as renewalPolicy from './renewalPolicy.js';
import type { StoredWait } from './tokenStore.js';

/**
 * The time the token endpoint asked not to be called, after it answered `429` with
 * `Retry-After`. It spans calls: a call that starts inside it fails at once, with no request.
 * It is measured on a monotonic clock, so a wall-clock correction neither stretches nor skips
 * it, and kept in the store for the other contexts of the origin, which read it on the wall
 * clock, capped at the wait asked for.
 */
export interface QuietWindow {
  /**
   * @throws `TokenUnavailable`, as a `429` with the wait that is left, while the window lasts
   */
  throwIfQuiet(): void;
  /**
   * Opens the window, or stretches it, for as long as a failure asked to wait.
   *
   * @param error - a failed token request; one that asked for no wait leaves the window as it is
   * @returns the wait to keep in the store, when the window opened or grew
   */
  heed(error: unknown): StoredWait | undefined;
  /**
   * Joins a wait read from the store. A record seen before (this window's own, or one already
   * joined) changes nothing, so reading it again after a wall-clock correction cannot stretch
   * the wait.
   *
   * @param stored - the wait another context (or an earlier life of this one) kept
   */
  adopt(stored: StoredWait | undefined): void;
  /** Closes the window: a cleared session may ask at once. */
  close(): void;
}

/**
 * Creates a closed quiet window.
 *
 * @param now - the wall clock, for the record other contexts read
 * @param monotonic - the clock the wait is measured on
 * @returns the window
 */
export function createQuietWindow(now: Clock, monotonic: MonotonicClock): QuietWindow {
  let quietUntil = Number.NEGATIVE_INFINITY;
  // The `until` of the last record written or joined here.
  let seen: number | undefined;
  const open = (ms: number) => {
    const end = monotonic() + ms;
    if (end <= quietUntil) return false;
    quietUntil = end;
    return true;
  };
  return {
    throwIfQuiet() {
      const quiet = quietUntil - monotonic();
      if (quiet <= 0) return;
      throw new InterceptorError(
        'TokenUnavailable',
        `the token endpoint asked to wait ${Math.ceil(quiet / 1000)} s`,
        { status: 429, body: '', retryAfterMs: quiet },
      );
    },
    heed(error) {
      const retryAfterMs = renewalPolicy.retryAfterMs(error);
      if (retryAfterMs <= 0 || !open(retryAfterMs)) return undefined;
      seen = now() + retryAfterMs;
      return { until: seen, retryAfterMs };
    },
    adopt(stored) {
      if (!stored || stored.until === seen) return;
      seen = stored.until;
      // A clock set back since the record was written would make the wait look longer: never
      // longer than asked. A clock set forward ends it early, which no fresh context can tell.
      const left = Math.min(stored.until - now(), stored.retryAfterMs);
      if (left > 0) open(left);
    },
    close() {
      quietUntil = Number.NEGATIVE_INFINITY;
      seen = undefined;
    },
  };
}
