import { expect } from 'vitest';
import { callFromShop } from '../callFromShop.fixtures.js';
import type { FirmlyEmulator } from './firmlyEmulator.js';

// Calls to the Firmly emulator as a storefront page makes them, shared by its unit tests.

/** The shop domain every story's cart belongs to. */
export const DOMAIN = 'staging.luma.gift';
/** The v2 cart of {@link DOMAIN}. */
export const CART = `/api/v2/domains/${DOMAIN}/cart`;
/** A storefront on plain HTTP, as in development. */
export const SHOP_ORIGIN = 'http://localhost:8787';
/** A storefront on HTTPS, as in production. */
export const SHOP = 'https://shop.example';
/** A fixed server time: Monday 6 January 2025, noon UTC. */
export const T0 = Date.UTC(2025, 0, 6, 12, 0, 0);
/** An hour, in milliseconds. */
export const HOUR = 3600 * 1000;
/** A week, in milliseconds: how long after expiry Firmly renews a token. */
export const WEEK = 7 * 24 * HOUR;

/** A browser-session answer. */
export interface SessionBody {
  device_created: boolean;
  access_token: string;
  expires_in: number;
  expires: number;
  device_id: string;
}

/** `POST /api/v1/browser-session` with the `demo-app` id and no origin, unless `init` says otherwise. */
export function browserSession(
  emulator: FirmlyEmulator,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${emulator.origin}/api/v1/browser-session`, {
    method: 'POST',
    ...init,
    headers: { 'x-firmly-app-id': 'demo-app', ...init.headers },
  });
}

/** `POST /api/v1/browser-session` from {@link SHOP}, with an app id and any other headers. */
export function sessionFromShop(emulator: FirmlyEmulator, appId = 'demo-app', headers = {}) {
  return fetch(`${emulator.origin}/api/v1/browser-session`, {
    method: 'POST',
    headers: { origin: SHOP, 'x-firmly-app-id': appId, ...headers },
  });
}

/** A session that must succeed: a new device, or a renewal of `renewing`. */
export async function newSession(
  emulator: FirmlyEmulator,
  renewing?: string,
): Promise<SessionBody> {
  const res = await browserSession(
    emulator,
    renewing ? { body: JSON.stringify({ access_token: renewing }) } : {},
  );
  expect(res.status).toBe(200);
  return (await res.json()) as SessionBody;
}

/** @returns a new device's token, fetched from {@link SHOP} */
export async function token(emulator: FirmlyEmulator): Promise<string> {
  return ((await (await sessionFromShop(emulator)).json()) as SessionBody).access_token;
}

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

/** A first-time shopper's session on an emulator, beside the emulator itself. */
export async function withSession(emulator: FirmlyEmulator) {
  return { emulator, ...(await newSession(emulator)) };
}
