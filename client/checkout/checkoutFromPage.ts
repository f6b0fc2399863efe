import { readCheckoutOptions } from '../../core/checkout/CheckoutOptions.js';
import { checkoutUnsupported } from '../../core/checkout/checkoutUnsupported.js';
import type { WorkerConfig } from '../../core/config/WorkerConfig.js';
import { checkoutForm } from '../../core/providers/digitalriver/checkoutForm.js';
import type { TokenSession } from '../../core/session/createTokenSession.js';

/**
 * The in-page fallback's hand-off to Digital River's hosted checkout, for pages no worker serves.
 * It posts the same form the worker would, from this page: the token goes in the body to
 * `web-checkout` only, never in a URL, and `rel="noreferrer"` keeps the page's URL out of it.
 * What it cannot hide: this page already holds the token in the fallback, and the form holds it
 * in the page's DOM until the page unloads, where any of the page's scripts could read it.
 *
 * @param win - the page's window
 * @param config - validated configuration
 * @param session - the fallback's token session; `token()` renews first when inside the margin
 * @param checkoutUrl - the hand-off URL, whose query holds the options
 * @throws InterceptorError `ConfigInvalid` (another provider, a bad option) or the token's error
 */
export async function checkoutFromPage(
  win: Window & typeof globalThis,
  config: WorkerConfig,
  session: TokenSession,
  checkoutUrl: URL,
): Promise<void> {
  if (config.provider !== 'digitalriver') throw checkoutUnsupported();
  const options = readCheckoutOptions(checkoutUrl.searchParams);
  const form = checkoutForm(config.apiOrigin, await session.token(), options);
  const element = win.document.createElement('form');
  element.method = 'post';
  element.action = form.action;
  element.rel = 'noreferrer';
  element.hidden = true;
  for (const [name, value] of form.fields) {
    const input = win.document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    element.append(input);
  }
  win.document.body.append(element);
  // A plain submission: the page's own history entry stays, and the hosted checkout's is a GET
  // (the API answers 302), so going back or reloading never posts the token again.
  element.submit();
}
