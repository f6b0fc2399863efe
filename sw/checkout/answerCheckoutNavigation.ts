import { readCheckoutOptions } from '../../core/checkout/CheckoutOptions.js';
import type { DigitalRiverConfig } from '../../core/config/WorkerConfig.js';
import type { DebugLog } from '../../core/DebugLog.js';
import { toErrorInfo } from '../../core/errors/errors.js';
import { checkoutForm } from '../../core/providers/digitalriver/checkoutForm.js';
import type { TokenSession } from '../../core/session/createTokenSession.js';
import { checkoutErrorResponse, checkoutResponse } from './checkoutResponse.js';

/**
 * Answers a request for the hand-off URL (`checkout()`, or a plain link to it): for a top-level
 * navigation, a document that posts a fresh token to Digital River's `web-checkout`; for anything
 * else (a `fetch`, an iframe, an embed) a refusal without a token, because a script of the
 * storefront could read what those return.
 *
 * @param config - the Digital River configuration
 * @param session - the token session; `token()` renews first when inside the margin
 * @param home - where "Back to the shop" leads when the request names no page of the shop
 * @param log - debug mode's log, if on
 * @returns the handler
 */
export function answerCheckoutNavigation(
  config: DigitalRiverConfig,
  session: TokenSession,
  home: string,
  log?: DebugLog,
): (request: Request) => Promise<Response> {
  return async (request) => {
    // Only the storefront's own pages lead back; anything else goes to the scope.
    const referrer = request.referrer ? new URL(request.referrer) : undefined;
    const back = referrer?.origin === new URL(request.url).origin ? referrer.href : home;
    if (request.mode !== 'navigate' || request.destination !== 'document') {
      log?.('checkout hand-off refused: not a top-level navigation');
      return new Response('The checkout hand-off answers top-level navigations only.', {
        status: 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
    try {
      const options = readCheckoutOptions(new URL(request.url).searchParams);
      const token = await session.token();
      const form = checkoutForm(config.apiOrigin, token, options);
      log?.(`checkout hand-off: posting the token to ${form.action}`);
      return checkoutResponse(form, crypto.randomUUID());
    } catch (error) {
      const { code, message } = toErrorInfo(error);
      log?.(`checkout hand-off failed: ${code}`);
      const status = code === 'ConfigInvalid' ? 400 : 503;
      return checkoutErrorResponse(status, `${code}: ${message}`, back);
    }
  };
}
