import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../catalog.js';
import { postControl } from '../postControl.fixtures.js';
import { addToCart, cartCall } from './firmlyCartCalls.fixtures.js';
import { CART, DOMAIN, SHOP_ORIGIN } from './firmlyConstants.fixtures.js';
import { newSession, sessionFromShop } from './firmlySessions.fixtures.js';
import { startFirmly } from './startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));

const [mug] = catalog;

describe('test controls', () => {
  it('hides the test routes unless test controls are on', async () => {
    const emulator = await startFirmly();
    for (const path of ['/__emulator/counters', '/__emulator/log']) {
      expect((await fetch(`${emulator.origin}${path}`)).status).toBe(404);
    }
    const reset = await fetch(`${emulator.origin}/__emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(404);
    const echo = await fetch(`${emulator.origin}/api/v2/echo`, { method: 'POST' });
    expect(echo.status).toBe(404);
  });

  it('lets a browser test steer the emulator over HTTP, with CORS headers', async () => {
    const emulator = await startFirmly({ testControls: true });
    const control = (path: string, body?: unknown) =>
      fetch(`${emulator.origin}/__emulator/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    expect((await control('token-lifetime', { seconds: 60 })).status).toBe(204);
    expect((await control('fault', { endpoint: 'cart', kind: 'status503', times: 1 })).status).toBe(
      204,
    );
    expect((await control('fault', { endpoint: 'cart', kind: 'nope', times: 1 })).status).toBe(400);
    const session = await newSession(emulator);
    expect(session.expires_in).toBe(60);
    expect((await cartCall(emulator, session.access_token, CART)).status).toBe(503);
    expect((await control('revoke', { device_id: session.device_id })).status).toBe(204);
    expect((await cartCall(emulator, session.access_token, CART)).status).toBe(401);

    const counters = await control('counters');
    expect(counters.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(await counters.json()).toMatchObject({
      browserSession: 1,
      cartCalls: 2,
      unauthorized: 1,
    });
    expect(await (await control('log')).json()).toHaveLength(2);
    expect((await control('reset', {})).status).toBe(204);
    expect(emulator.counters.cartCalls).toBe(0);
    expect(emulator.requestLog).toEqual([]);
  });

  it('echoes JSON, form data and binary bodies byte for byte', async () => {
    const emulator = await startFirmly({ testControls: true });
    const { access_token } = await newSession(emulator);
    const echo = async (body: BodyInit, headers: Record<string, string> = {}) => {
      const res = await cartCall(emulator, access_token, '/api/v2/echo', {
        method: 'POST',
        headers,
        body,
      });
      return (await res.json()) as { contentType: string; body: string; bodyBase64: string };
    };

    const json = JSON.stringify({ add_to_cart_ref: { variant_id: 'é-ü' }, quantity: 1 });
    expect(await echo(json, { 'content-type': 'application/json' })).toMatchObject({
      contentType: 'application/json',
      body: json,
    });

    const form = new FormData();
    form.set('note', 'gift wrap, please');
    const formEcho = await echo(form);
    expect(formEcho.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(formEcho.body).toContain('gift wrap, please');

    const bytes = new Uint8Array([0, 255, 128, 10, 13, 1]);
    const binary = await echo(new Blob([bytes], { type: 'application/octet-stream' }));
    expect(binary.contentType).toBe('application/octet-stream');
    expect(Buffer.from(binary.bodyBase64, 'base64')).toEqual(Buffer.from(bytes));
  });
});

describe('controls over HTTP', () => {
  it('lets a browser test set CORS, a redirect, a 429 and the renewal window', async () => {
    const emulator = await startFirmly({ testControls: true });
    const control = (name: string, body: unknown) => postControl(emulator.origin, name, body);

    expect((await control('cors', { allowOrigins: ['https://other.example'] })).status).toBe(204);
    expect((await sessionFromShop(emulator)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await control('cors', { allowOrigins: 'echo' })).status).toBe(204);
    expect((await control('cors', { allowOrigins: 42 })).status).toBe(400);

    const redirect = { path: CART, status: 303, location: 'https://elsewhere.example/cart' };
    expect((await control('redirect', redirect)).status).toBe(204);
    const moved = await fetch(`${emulator.origin}${CART}`, { redirect: 'manual' });
    expect(moved.headers.get('location')).toBe('https://elsewhere.example/cart');

    const fault = { endpoint: 'browser-session', kind: 'status429', times: 1, retryAfter: 1 };
    expect((await control('fault', fault)).status).toBe(204);
    expect((await sessionFromShop(emulator)).headers.get('retry-after')).toBe('1');

    expect((await control('renew-window', { seconds: 0 })).status).toBe(400);
    expect((await control('renew-window', { seconds: 60 })).status).toBe(204);
  });
});

describe('the request log', () => {
  it('records each cart call but never the token itself', async () => {
    const emulator = await startFirmly({ testControls: true });
    const { access_token } = await newSession(emulator);

    await addToCart(emulator, access_token, mug?.id ?? '');
    await cartCall(emulator, access_token, `/api/v2/echo?leak=${access_token}`, {
      method: 'POST',
      body: JSON.stringify({ copied: access_token, garbage: 'garbage-token-value' }),
    });
    await cartCall(emulator, 'garbage-token-value', `/api/v2/domains/${DOMAIN}/cart`);
    await cartCall(emulator, undefined, `/api/v2/domains/${DOMAIN}/cart`);

    expect(emulator.requestLog.map((entry) => entry.hasAuth)).toEqual([true, true, true, false]);
    expect(emulator.requestLog[0]).toMatchObject({
      method: 'POST',
      path: `/api/v2/domains/${DOMAIN}/cart/line-items`,
      origin: SHOP_ORIGIN,
      contentType: 'application/json',
    });
    const logged = JSON.stringify(emulator.requestLog);
    expect(logged).not.toContain(access_token);
    expect(logged).not.toContain(access_token.split('.')[2]);
    expect(logged).toContain('[redacted]');
  });
});
