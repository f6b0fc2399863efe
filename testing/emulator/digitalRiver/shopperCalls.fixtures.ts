import { expect } from 'vitest';
import { callFromShop } from '../callFromShop.fixtures.js';
import { CART, SHOP, SHOP_ORIGIN } from './digitalRiverConstants.fixtures.js';
import type { DigitalRiverEmulator } from './digitalRiverEmulator.js';

// Shopper API calls to the Digital River emulator, as a storefront page makes them.

/** A Shopper API call from {@link SHOP_ORIGIN}, with the bearer token when there is one. */
export function shopperCall(
  emulator: DigitalRiverEmulator,
  token: string | undefined,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const auth: Record<string, string> = token ? { authorization: `bearer ${token}` } : {};
  return callFromShop(
    SHOP_ORIGIN,
    `${emulator.apiOrigin}${path}`,
    { accept: 'application/json', ...auth },
    init,
  );
}

/** Adds a product to the shopper's cart. */
export function addToCart(
  emulator: DigitalRiverEmulator,
  token: string,
  productId: string,
  qty = 1,
) {
  return shopperCall(
    emulator,
    token,
    `${CART}/line-items?productId=${productId}&quantity=${qty}&format=json`,
    { method: 'POST' },
  );
}

/** @returns the shopper's cart, which must be readable */
export async function cartOf(emulator: DigitalRiverEmulator, token: string) {
  const res = await shopperCall(emulator, token, `${CART}?format=json`);
  expect(res.status).toBe(200);
  return (await res.json()).cart;
}

/** The Shopper API's refusal of a token. */
export const invalidToken = (description: string) => ({
  errors: { error: [{ relation: expect.any(String), code: 'invalid_token', description }] },
});

/** Reads the cart from {@link SHOP} with a bearer token. */
export function cartCall(emulator: DigitalRiverEmulator, token: string, init: RequestInit = {}) {
  return fetch(`${emulator.apiOrigin}${CART}?format=json`, {
    ...init,
    headers: { origin: SHOP, authorization: `bearer ${token}`, ...init.headers },
  });
}
