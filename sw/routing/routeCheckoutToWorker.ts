import { CHECKOUT_PATH } from '../../core/checkout/CheckoutOptions.js';

/** The parts of Chromium's static routing API this rule uses. */
interface RouterInstallEvent extends ExtendableEvent {
  addRoutes(rules: unknown): Promise<void>;
}
declare const URLPattern: (new (init: { pathname: string }) => unknown) | undefined;

/**
 * Where the browser has static routing, sends the checkout hand-off URL to this worker's fetch
 * handler. Rules apply in the order they were added, so this one, added first, wins over the rule
 * that lets navigations race the network ({@link routeAssetsToNetwork}), whose network answer
 * would otherwise be used.
 *
 * @param event - the install event
 * @param scope - the registration's scope, which the hand-off URL is relative to
 * @returns whether the rule is in place, or no rule was needed (no static routing here); when
 *   false, the caller must not send navigations to the network, or the hand-off would miss the
 *   worker
 */
export async function routeCheckoutToWorker(
  event: ExtendableEvent,
  scope: string,
): Promise<boolean> {
  if (!('addRoutes' in event)) return true;
  if (typeof URLPattern !== 'function') return false;
  try {
    await (event as RouterInstallEvent).addRoutes({
      condition: {
        urlPattern: new URLPattern({ pathname: new URL(CHECKOUT_PATH, scope).pathname }),
      },
      source: 'fetch-event',
    });
    return true;
  } catch {
    return false;
  }
}
