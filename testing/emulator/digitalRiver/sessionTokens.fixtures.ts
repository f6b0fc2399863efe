import { expect } from 'vitest';
import { SITE } from './digitalRiverConstants.fixtures.js';
import type { DigitalRiverEmulator } from './digitalRiverEmulator.js';
import { unwrapJsonp } from './unwrapJsonp.fixtures.js';

// Calls to the Digital River store's SessionToken action, as a storefront page makes them.

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

/** @returns a session token from the store, for a new shopper unless `init` carries the cookie */
export async function sessionToken(
  emulator: DigitalRiverEmulator,
  init?: RequestInit,
): Promise<string> {
  const value = await jsonpValue(await sessionTokenAction(emulator, undefined, init));
  return value.session_token as string;
}

/** A shopper's token through the store's SessionToken with the demo API key. */
export async function accessToken(emulator: DigitalRiverEmulator): Promise<string> {
  const res = await fetch(
    `${emulator.storeOrigin}/store/demoSite/SessionToken?apiKey=demo-public-key&format=json`,
  );
  return ((await res.json()) as { access_token: string }).access_token;
}
