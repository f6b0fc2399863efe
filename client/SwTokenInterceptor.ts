import type { InterceptInfo } from '../core/calls/InterceptInfo.js';
import type { CheckoutOptions } from '../core/checkout/CheckoutOptions.js';
import type { ErrorInfo } from '../core/errors/errors.js';
import type { SessionInfo } from '../core/session/SessionInfo.js';

/** The events a page can listen to, and what each carries. None carries the token. */
export interface InterceptorEvents {
  /** A token was obtained or renewed; `deviceCreated` tells whether the device (and cart) changed. */
  session: SessionInfo;
  /** Something failed; `code` is one of the stable error codes. */
  error: ErrorInfo;
  /** The worker handled one API call from this page. */
  intercept: InterceptInfo;
}

/** The page's handle: `window.swTokenInterceptor`, and what {@link install} returns. */
export interface SwTokenInterceptor {
  /** Resolves once requests from this page carry the token; rejects with a coded error if they never will. */
  readonly ready: Promise<void>;
  /**
   * @returns what the page may know of the session (never the token), obtaining one if needed
   */
  session(): Promise<SessionInfo>;
  /**
   * Listens to an event.
   *
   * @param event - `'session'`, `'error'` or `'intercept'`
   * @param callback - called with the event's detail
   * @returns a function that stops listening
   */
  on<E extends keyof InterceptorEvents>(
    event: E,
    callback: (detail: InterceptorEvents[E]) => void,
  ): () => void;
  /** Forgets the stored session; the next API call starts a new one. */
  clear(): Promise<void>;
  /**
   * Digital River only: takes the shopper to Digital River's hosted checkout with their cart. The
   * token, renewed first if it is inside the renewal margin, is posted to `web-checkout` by a
   * document the worker serves, which no script of this page can read. A plain link to
   * `/sw-token-interceptor/checkout` (relative to the scope, options in its query) does the same.
   *
   * @param options - the hosted store's theme and locale
   * @returns resolves as the page navigates away; rejects with a coded error (`ConfigInvalid`
   *   for another provider or a malformed option, `TokenUnavailable`, `TokenRefused`,
   *   `SessionTokenFailed`) and the page stays
   * @example
   * ```js
   * button.onclick = () => swTokenInterceptor.checkout({ themeId: '4321' }).catch(showError);
   * ```
   */
  checkout(options?: CheckoutOptions): Promise<void>;
}
