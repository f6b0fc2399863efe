import { describe, expect, it, vi } from 'vitest';
import { cartCall } from './firmlyCartCalls.fixtures.js';
import { DOMAIN, SHOP_ORIGIN } from './firmlyConstants.fixtures.js';
import { browserSession, newSession, withSession } from './firmlySessions.fixtures.js';
import { startFirmly } from './startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));

describe('a cart call and its token', () => {
  it('refuses a cart call without a token with 401 MissingAuthHeader', async () => {
    const emulator = await startFirmly();
    const res = await cartCall(emulator, undefined, `/api/v2/domains/${DOMAIN}/cart`);

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 401,
      error: 'MissingAuthHeader',
      description: 'Missing authorization header.',
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(emulator.counters).toMatchObject({ cartCalls: 1, unauthorized: 1 });
  });

  it('accepts the token with a Bearer prefix and serves the cart with a trailing slash', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());
    const res = await cartCall(
      emulator,
      `Bearer ${access_token}`,
      `/api/v2/domains/${DOMAIN}/cart/`,
    );
    expect(res.status).toBe(200);
  });

  it('rejects a revoked device on cart calls and on renewal', async () => {
    const emulator = await startFirmly();
    const session = await newSession(emulator);
    emulator.revokeDevice(session.device_id);

    const cart = await cartCall(emulator, session.access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect(await cart.json()).toEqual({
      code: 401,
      error: 'InvalidToken',
      description: 'Jwt token is invalid.',
    });
    const renewal = await browserSession(emulator, {
      body: JSON.stringify({ access_token: session.access_token }),
    });
    expect(renewal.status).toBe(401);
    expect(await renewal.json()).toMatchObject({ error: 'TokenExpired' });
  });

  it('answers a wrong OTP with a 401 that names InvalidOtp, not the session', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());
    const res = await cartCall(
      emulator,
      access_token,
      `/api/v1/domains/${DOMAIN}/session/validate-otp`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"otp":"000000"}',
      },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 401,
      error: 'InvalidOtp',
      description: 'The one-time password is invalid.',
    });
    expect(emulator.counters.unauthorized).toBe(0);
    const anonymous = await cartCall(
      emulator,
      undefined,
      `/api/v1/domains/${DOMAIN}/session/validate-otp`,
      {
        method: 'POST',
      },
    );
    expect(await anonymous.json()).toMatchObject({ error: 'MissingAuthHeader' });
  });

  it('answers an unknown route with a 404 JSON error', async () => {
    const emulator = await startFirmly();
    const res = await fetch(`${emulator.origin}/api/v3/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 404, error: 'NotFound' });
  });
});
