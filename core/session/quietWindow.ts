import type { Clock } from '../Clock.js';
import { InterceptorError } from '../errors/errors.js';
import * as renewalPolicy from './renewalPolicy.js';

/**
 * The time the token endpoint asked not to be called, after it answered `429` with
 * `Retry-After`. It spans calls: a call that starts inside it fails at once, with no request.
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
   */
  heed(error: unknown): void;
  /** Closes the window: a cleared session may ask at once. */
  close(): void;
}

/**
 * Creates a closed quiet window.
 *
 * @param now - the session's clock
 * @returns the window
 */
export function createQuietWindow(now: Clock): QuietWindow {
  let quietUntil = 0;
  return {
    throwIfQuiet() {
      const quiet = quietUntil - now();
      if (quiet <= 0) return;
      throw new InterceptorError(
        'TokenUnavailable',
        `the token endpoint asked to wait ${Math.ceil(quiet / 1000)} s`,
        { status: 429, body: '', retryAfterMs: quiet },
      );
    },
    heed(error) {
      const retryAfterMs = renewalPolicy.retryAfterMs(error);
      if (retryAfterMs > 0) quietUntil = Math.max(quietUntil, now() + retryAfterMs);
    },
    close() {
      quietUntil = 0;
    },
  };
}
