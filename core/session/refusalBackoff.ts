import type { Clock } from '../Clock.js';
import { InterceptorError } from '../errors/errors.js';
import * as renewalPolicy from './renewalPolicy.js';

/**
 * Tokens the API refused one after another, none accepted in between, and the wait it puts on
 * renewals. A refused token is renewed at once (docs/decisions/018); when the API refuses the
 * replacement too, it refuses tokens as such (a revoked app, an origin it does not serve), and
 * each further renewal waits longer, so a shopper's browsing sends a few token requests a
 * minute rather than one per call.
 */
export interface RefusalBackoff {
  /**
   * Counts a grant whose token the API answered 401 to; a grant met by many calls counts once.
   *
   * @param grant - the refused grant, compared by identity: the session it came in, since the
   *   API may renew to the very same token string (a new grant all the same), or the token when
   *   the session is gone
   * @returns whether this refusal started the run's first wait: the one time to report it
   */
  refused(grant: object | string): boolean;
  /** The API accepted a token: the run is over, and renewals go at once again. */
  accepted(): void;
  /**
   * @throws `TokenRefused`, with the wait that is left, while renewals wait
   */
  throwIfWaiting(): void;
  /** Forgets the run: a cleared session starts afresh. */
  reset(): void;
}

/**
 * Creates a backoff with no refusal counted.
 *
 * @param now - the session's clock
 * @returns the backoff
 */
export function createRefusalBackoff(now: Clock): RefusalBackoff {
  let inARow = 0;
  let last: object | string | undefined;
  let waitMs = 0;
  let until = 0;
  const forget = () => {
    inARow = 0;
    last = undefined;
    until = 0;
  };
  return {
    refused(grant) {
      if (grant === last) return false;
      last = grant;
      inARow++;
      waitMs = renewalPolicy.refusalWaitMs(inARow);
      if (waitMs === 0) return false;
      until = now() + waitMs;
      return inARow === renewalPolicy.REFUSALS_BEFORE_WAITING;
    },
    accepted: forget,
    throwIfWaiting() {
      const left = until - now();
      if (left <= 0) return;
      // More left than the wait that was set: the clock was set back. The wait ends rather than
      // last for as long as the clock moved.
      if (left > waitMs) {
        until = 0;
        return;
      }
      throw new InterceptorError(
        'TokenRefused',
        `${inARow} in a row; renewing in ${Math.ceil(left / 1000)} s`,
        { status: 401, body: '', retryAfterMs: left },
      );
    },
    reset: forget,
  };
}
