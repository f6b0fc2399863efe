import { callFromShop } from '../callFromShop.fixtures.js';
import { CART, SHOP_ORIGIN } from './firmlyConstants.fixtures.js';
import type { FirmlyEmulator } from './firmlyEmulator.js';

// Cart calls to the Firmly emulator as a storefront page makes them.

/** A cart call from {@link SHOP_ORIGIN}, with the token when there is one. */
export function cartCall(
  emulator: FirmlyEmulator,
  token: string | undefined,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const auth: Record<string, string> = token ? { 'x-firmly-authorization': token } : {};
  return callFromShop(SHOP_ORIGIN, `${emulator.origin}${path}`, auth, init);
}

/** A v2 add-to-cart of a variant into {@link CART}. */
export function addToCart(
  emulator: FirmlyEmulator,
  token: string,
  variantId: string,
  quantity = 1,
) {
  return cartCall(emulator, token, `${CART}/line-items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ add_to_cart_ref: { variant_id: variantId }, quantity }),
  });
}
