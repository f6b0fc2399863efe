import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../catalog.js';
import { addToCart, cartCall } from './firmlyCartCalls.fixtures.js';
import { DOMAIN, HOUR, SHOP_ORIGIN, T0, WEEK } from './firmlyConstants.fixtures.js';
import { browserSession, newSession, type SessionBody } from './firmlySessions.fixtures.js';
import { startFirmly } from './startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));

const [mug] = catalog;

describe('getting a session', () => {
  it('gives a first-time shopper a new device and a signed RS256 token', async () => {
    const emulator = await startFirmly();
    emulator.setNow(() => T0);

    const session = await newSession(emulator);

    expect(session.device_created).toBe(true);
    expect(session.device_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.expires_in).toBe(3600);
    expect(session.expires).toBe(T0 / 1000 + 3600);
    expect(decodeProtectedHeader(session.access_token)).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decodeJwt(session.access_token)).toEqual({
      device_id: session.device_id,
      app_id: 'demo-app',
      iat: T0 / 1000,
      exp: T0 / 1000 + 3600,
    });
    expect(emulator.counters).toMatchObject({ browserSession: 1, devicesCreated: 1, renewals: 0 });
  });

  it('lets a shopper back the day after expiry renew and keep the device and the cart', async () => {
    const emulator = await startFirmly();
    emulator.setNow(() => T0);
    const first = await newSession(emulator);
    await addToCart(emulator, first.access_token, mug?.id ?? '');

    emulator.setNow(() => T0 + 25 * HOUR);
    const stale = await cartCall(emulator, first.access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: 'InvalidToken' });

    const renewed = await newSession(emulator, first.access_token);
    expect(renewed.device_created).toBe(false);
    expect(renewed.device_id).toBe(first.device_id);
    expect(renewed.access_token).not.toBe(first.access_token);
    const cart = await cartCall(emulator, renewed.access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect((await cart.json()).line_items).toHaveLength(1);
    expect(emulator.counters).toMatchObject({ renewals: 1, devicesCreated: 1 });
  });

  it('renews within a renewal window a test sets', async () => {
    const emulator = await startFirmly();
    emulator.setNow(() => T0);
    const first = await newSession(emulator);
    emulator.setRenewWindow(60);
    emulator.setNow(() => T0 + HOUR + 61_000);
    const res = await browserSession(emulator, {
      body: JSON.stringify({ access_token: first.access_token }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses to renew a token more than a week past expiry, so the shopper starts afresh', async () => {
    const emulator = await startFirmly();
    emulator.setNow(() => T0);
    const first = await newSession(emulator);

    emulator.setNow(() => T0 + HOUR + WEEK + 1000);
    const res = await browserSession(emulator, {
      body: JSON.stringify({ access_token: first.access_token }),
    });

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'TokenExpired',
      message: 'Token is too old to renew',
    });
    const fresh = await newSession(emulator);
    expect(fresh.device_created).toBe(true);
    expect(fresh.device_id).not.toBe(first.device_id);
  });

  it('treats a garbage token or an unreadable body as too old to renew', async () => {
    const emulator = await startFirmly();
    for (const body of ['{"access_token":"not-a-token"}', '{"access_token":', '[1]']) {
      const res = await browserSession(emulator, { body });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'TokenExpired' });
    }
    expect(emulator.counters.devicesCreated).toBe(0);
  });

  it('answers a storefront configured with a wrong or missing app id with 400 InvalidAppId', async () => {
    const emulator = await startFirmly({ appIds: ['demo-app'] });
    const wrong = await browserSession(emulator, { headers: { 'x-firmly-app-id': 'other-app' } });
    const missing = await fetch(`${emulator.origin}/api/v1/browser-session`, { method: 'POST' });

    for (const res of [wrong, missing]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'InvalidAppId',
        message: 'Application ID is invalid or not found',
      });
    }
  });

  it('issues tokens with the lifetime set by a test', async () => {
    const emulator = await startFirmly();
    emulator.setTokenLifetime(5);
    expect((await newSession(emulator)).expires_in).toBe(5);
    expect(() => emulator.setTokenLifetime(0)).toThrow(TypeError);
  });
});

describe('the fsession_v2 cookie', () => {
  const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

  it('sets the token as a cookie only browser-session reads, for the renewal window', async () => {
    const emulator = await startFirmly();
    const res = await browserSession(emulator, { headers: { origin: 'https://shop.example' } });
    const body = (await res.json()) as SessionBody;
    expect(res.headers.get('set-cookie')).toBe(
      `fsession_v2=${body.access_token}; Path=/api/v1/browser-session; ` +
        `Max-Age=${3600 + 7 * 24 * 3600}; HttpOnly; Secure; SameSite=None`,
    );
    // A browser keeps no Secure cookie from plain HTTP: for an HTTP page, one for its own site.
    const plain = await browserSession(emulator, { headers: { origin: SHOP_ORIGIN } });
    expect(plain.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Lax$/);
  });

  it('keeps the device for a shopper who lost the stored token but kept the cookie, even after expiry', async () => {
    const emulator = await startFirmly();
    emulator.setNow(() => T0);
    const first = await browserSession(emulator);
    const { device_id } = (await first.json()) as SessionBody;
    emulator.setNow(() => T0 + 2 * HOUR);
    const again = await browserSession(emulator, { headers: { cookie: cookieOf(first) } });
    expect(await again.json()).toMatchObject({ device_id, device_created: false });
    expect(emulator.counters).toMatchObject({ devicesCreated: 1, renewals: 1 });
  });

  it('treats a cookie too old to renew, or garbage, as no cookie: a new device, never an error', async () => {
    const emulator = await startFirmly();
    emulator.setNow(() => T0);
    const first = await browserSession(emulator);
    emulator.setNow(() => T0 + HOUR + WEEK + 1000);
    for (const cookie of [cookieOf(first), 'fsession_v2=garbage']) {
      const res = await browserSession(emulator, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ device_created: true });
    }
  });

  it('lets a token in the body win over the cookie', async () => {
    const emulator = await startFirmly();
    const a = await browserSession(emulator);
    const b = (await newSession(emulator)) as SessionBody;
    const res = await browserSession(emulator, {
      headers: { cookie: cookieOf(a) },
      body: JSON.stringify({ access_token: b.access_token }),
    });
    expect(await res.json()).toMatchObject({ device_id: b.device_id });
  });
});
