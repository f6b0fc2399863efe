import { expect } from 'vitest';
import { SHOP } from './firmlyConstants.fixtures.js';
import type { FirmlyEmulator } from './firmlyEmulator.js';

// Browser-session calls to the Firmly emulator as a storefront page makes them.

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

/** A first-time shopper's session on an emulator, beside the emulator itself. */
export async function withSession(emulator: FirmlyEmulator) {
  return { emulator, ...(await newSession(emulator)) };
}
