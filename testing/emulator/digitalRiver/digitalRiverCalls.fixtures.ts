import { expect } from 'vitest';
import { callFromShop } from '../callFromShop.fixtures.js';
import type { DigitalRiverEmulator } from './digitalRiverEmulator.js';
import { unwrapJsonp } from './unwrapJsonp.fixtures.js';

// Calls to the Digital River emulator as a storefront page makes them, shared by its unit tests.

/** The site the emulator serves by default. */
export const SITE = 'demoSite';
/** The public API key the emulator accepts by default. */
export const API_KEY = 'demo-public-key';
/** The shopper's active cart on the Shopper API. */
export const CART = '/v1/shoppers/me/carts/active';
/** A fixed server time: Monday 6 January 2025, noon UTC. */
export const T0 = Date.UTC(2025, 0, 6, 12, 0, 0);
/** An access or refresh token as the emulator issues them. */
export const HEX_64 = /^[0-9a-f]{64}$/;
/** A storefront on plain HTTP, as in development. */
export const SHOP_ORIGIN = 'http://localhost:8787';
/** A storefront on HTTPS, as in production. */
export const SHOP = 'https://shop.example';

/** A token answer. */
export interface Token {
  access_token: string;
  token_type: string;
  expires_in: string;
  refresh_token: string;
}

/** The store's `SessionToken` action, by default as JSONP without an API key. */
export function sessionTokenAction(
  emulator: DigitalRiverEmulator,
  query = 'format=json&callback=drSession',
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${emulator.storeOrigin}/store/${SITE}/SessionToken?${query}`, init);
}

/** @returns the value the page's JSONP callback would be called with */
export async function jsonpValue(res: Response): Promise<Record<string, unknown>> {
  expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  return unwrapJsonp(await res.text()).value as Record<string, unknown>;
}

/** The client identification Digital River's docs give public apps: the API key as Basic user. */
export const BASIC = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;

/** A token request; `authorization` is Basic with the emulator's key unless given, `null` for none. */
export function tokenRequest(
  emulator: DigitalRiverEmulator,
  params: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
  authorization: string | null = BASIC,
): Promise<Response> {
  return fetch(`${emulator.apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers: {
      origin: SHOP_ORIGIN,
      'content-type': contentType,
      ...(authorization === null ? {} : { authorization }),
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** @returns a session token from the store, for a new shopper unless `init` carries the cookie */
export async function sessionToken(
  emulator: DigitalRiverEmulator,
  init?: RequestInit,
): Promise<string> {
  const value = await jsonpValue(await sessionTokenAction(emulator, undefined, init));
  return value.session_token as string;
}

/** The password grant, which must succeed. */
export async function exchange(emulator: DigitalRiverEmulator, token: string): Promise<Token> {
  const res = await tokenRequest(emulator, {
    grant_type: 'password',
    dr_session_token: token,
    format: 'json',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: Token }).token;
}

/** The two-step flow a page without an API key runs: SessionToken, then the password grant. */
export async function newShopper(emulator: DigitalRiverEmulator): Promise<Token> {
  return exchange(emulator, await sessionToken(emulator));
}

/** The refresh grant. */
export function refresh(emulator: DigitalRiverEmulator, refreshToken: string): Promise<Response> {
  return tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

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

/** A shopper's token through the store's SessionToken with the demo API key. */
export async function accessToken(emulator: DigitalRiverEmulator): Promise<string> {
  const res = await fetch(
    `${emulator.storeOrigin}/store/demoSite/SessionToken?apiKey=demo-public-key&format=json`,
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Reads the cart from {@link SHOP} with a bearer token. */
export function cartCall(emulator: DigitalRiverEmulator, token: string, init: RequestInit = {}) {
  return fetch(`${emulator.apiOrigin}${CART}?format=json`, {
    ...init,
    headers: { origin: SHOP, authorization: `bearer ${token}`, ...init.headers },
  });
}

/** A refresh grant from {@link SHOP} with a refresh token the emulator never issued. */
export function tokenCall(emulator: DigitalRiverEmulator) {
  return fetch(`${emulator.apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=refresh_token&refresh_token=unknown',
  });
}
