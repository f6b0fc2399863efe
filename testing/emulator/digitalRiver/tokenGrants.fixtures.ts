import { expect } from 'vitest';
import { API_KEY, SHOP, SHOP_ORIGIN } from './digitalRiverConstants.fixtures.js';
import type { DigitalRiverEmulator } from './digitalRiverEmulator.js';
import { sessionToken } from './sessionTokens.fixtures.js';

// Calls to the Digital River emulator's token endpoint, as a storefront page makes them.

/** A token answer. */
export interface Token {
  access_token: string;
  token_type: string;
  expires_in: string;
  refresh_token: string;
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

/** A refresh grant from {@link SHOP} with a refresh token the emulator never issued. */
export function tokenCall(emulator: DigitalRiverEmulator) {
  return fetch(`${emulator.apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=refresh_token&refresh_token=unknown',
  });
}
