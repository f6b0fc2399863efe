import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { callFromShop } from '../callFromShop.js';
import { catalog } from '../catalog.js';
import { startPerTest } from '../startPerTest.js';
import { type FirmlyEmulator, startFirmlyEmulator } from './firmlyEmulator.js';

// Nothing here compares two emulators' signatures, so every emulator shares one RSA key pair.
vi.mock('jose', async (importOriginal) =>
  (await import('./joseWithOneKeyPair.fixtures.js')).joseWithOneKeyPair(importOriginal),
);

const DOMAIN = 'staging.luma.gift';
const SHOP_ORIGIN = 'http://localhost:8787';
const T0 = Date.UTC(2025, 0, 6, 12, 0, 0);
const HOUR = 3600 * 1000;
const WEEK = 7 * 24 * HOUR;
const [mug, candle] = catalog;

interface SessionBody {
  device_created: boolean;
  access_token: string;
  expires_in: number;
  expires: number;
  device_id: string;
}

const start = startPerTest(startFirmlyEmulator);

function browserSession(emulator: FirmlyEmulator, init: RequestInit = {}): Promise<Response> {
  return fetch(`${emulator.origin}/api/v1/browser-session`, {
    method: 'POST',
    ...init,
    headers: { 'x-firmly-app-id': 'demo-app', ...init.headers },
  });
}

async function newSession(emulator: FirmlyEmulator, renewing?: string): Promise<SessionBody> {
  const res = await browserSession(
    emulator,
    renewing ? { body: JSON.stringify({ access_token: renewing }) } : {},
  );
  expect(res.status).toBe(200);
  return (await res.json()) as SessionBody;
}

/** Starts an emulator for the test, and a first-time shopper's session on it. */
async function startWithSession() {
  const emulator = await start();
  return { emulator, ...(await newSession(emulator)) };
}

/** Clears the cart at `cartPath` (v1 or v2 alike) and checks it is left empty. */
async function expectClearedCart(emulator: FirmlyEmulator, token: string, cartPath: string) {
  const cleared = await cartCall(emulator, token, `${cartPath}/line-items`, { method: 'DELETE' });
  expect((await cleared.json()).line_items).toEqual([]);
}

function cartCall(
  emulator: FirmlyEmulator,
  token: string | undefined,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const auth: Record<string, string> = token ? { 'x-firmly-authorization': token } : {};
  return callFromShop(SHOP_ORIGIN, `${emulator.origin}${path}`, auth, init);
}

function addToCart(emulator: FirmlyEmulator, token: string, variantId: string, quantity = 1) {
  return cartCall(emulator, token, `/api/v2/domains/${DOMAIN}/cart/line-items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ add_to_cart_ref: { variant_id: variantId }, quantity }),
  });
}

describe('getting a session', () => {
  it('gives a first-time shopper a new device and a signed RS256 token', async () => {
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start();
    for (const body of ['{"access_token":"not-a-token"}', '{"access_token":', '[1]']) {
      const res = await browserSession(emulator, { body });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'TokenExpired' });
    }
    expect(emulator.counters.devicesCreated).toBe(0);
  });

  it('answers a storefront configured with a wrong or missing app id with 400 InvalidAppId', async () => {
    const emulator = await start({ appIds: ['demo-app'] });
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
    const emulator = await start();
    emulator.setTokenLifetime(5);
    expect((await newSession(emulator)).expires_in).toBe(5);
    expect(() => emulator.setTokenLifetime(0)).toThrow(TypeError);
  });
});

describe('the fsession_v2 cookie', () => {
  const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

  it('sets the token as a cookie only browser-session reads, for the renewal window', async () => {
    const emulator = await start();
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
    const emulator = await start();
    emulator.setNow(() => T0);
    const first = await browserSession(emulator);
    const { device_id } = (await first.json()) as SessionBody;
    emulator.setNow(() => T0 + 2 * HOUR);
    const again = await browserSession(emulator, { headers: { cookie: cookieOf(first) } });
    expect(await again.json()).toMatchObject({ device_id, device_created: false });
    expect(emulator.counters).toMatchObject({ devicesCreated: 1, renewals: 1 });
  });

  it('treats a cookie too old to renew, or garbage, as no cookie: a new device, never an error', async () => {
    const emulator = await start();
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
    const emulator = await start();
    const a = await browserSession(emulator);
    const b = (await newSession(emulator)) as SessionBody;
    const res = await browserSession(emulator, {
      headers: { cookie: cookieOf(a) },
      body: JSON.stringify({ access_token: b.access_token }),
    });
    expect(await res.json()).toMatchObject({ device_id: b.device_id });
  });
});

describe('a one-time password check', () => {
  it('answers a wrong OTP with a 401 that names InvalidOtp, not the session', async () => {
    const { emulator, access_token } = await startWithSession();
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
});

describe('shopping with a token', () => {
  it('refuses a cart call without a token with 401 MissingAuthHeader', async () => {
    const emulator = await start();
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

  it('answers an add-to-cart with the cart holding the line and money objects', async () => {
    const { emulator, access_token } = await startWithSession();

    const res = await addToCart(emulator, access_token, mug?.id ?? '', 2);

    expect(res.status).toBe(200);
    const cart = await res.json();
    expect(cart).toMatchObject({
      shop_id: DOMAIN,
      display_name: 'Luma',
      cart_status: 'active',
      shipping_info: null,
      line_items: [
        {
          sku: mug?.id,
          quantity: 2,
          description: mug?.name,
          price: { currency: 'USD', value: 22, symbol: '$', number: 2200 },
          line_price: { currency: 'USD', value: 44, symbol: '$', number: 4400 },
        },
      ],
      sub_total: { number: 4400 },
      shipping_total: { number: 0 },
      tax: { number: 0 },
      total: { currency: 'USD', value: 44, symbol: '$', number: 4400 },
    });
    expect(typeof cart.cart_id).toBe('string');
    expect(emulator.counters.cartCalls).toBe(1);
  });

  it('lets the shopper change quantities, remove a line and clear the cart', async () => {
    const { emulator, access_token } = await startWithSession();
    const base = `/api/v2/domains/${DOMAIN}/cart`;
    await addToCart(emulator, access_token, mug?.id ?? '');
    const added = await (await addToCart(emulator, access_token, candle?.id ?? '')).json();
    const [mugLine, candleLine] = added.line_items;
    const put = (id: string, quantity: number) =>
      cartCall(emulator, access_token, `${base}/line-items/${id}`, {
        method: 'PUT',
        body: JSON.stringify({ quantity }),
      }).then((res) => res.json());

    expect((await put(mugLine.line_item_id, 3)).line_items[0].line_price.number).toBe(6600);
    expect((await put(candleLine.line_item_id, 0)).line_items).toHaveLength(1);
    await expectClearedCart(emulator, access_token, base);
  });

  it('accepts the token with a Bearer prefix and serves the cart with a trailing slash', async () => {
    const { emulator, access_token } = await startWithSession();
    const res = await cartCall(
      emulator,
      `Bearer ${access_token}`,
      `/api/v2/domains/${DOMAIN}/cart/`,
    );
    expect(res.status).toBe(200);
  });

  it('keeps each device its own cart and lists the domains with items', async () => {
    const emulator = await start();
    const alice = await newSession(emulator);
    const bob = await newSession(emulator);
    await addToCart(emulator, alice.access_token, mug?.id ?? '');

    const bobCart = await cartCall(emulator, bob.access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect((await bobCart.json()).line_items).toEqual([]);
    const domains = await cartCall(emulator, alice.access_token, '/api/v2/carts/active-domains');
    expect(await domains.json()).toEqual({ domains: [DOMAIN] });
    const active = await cartCall(emulator, alice.access_token, '/api/v2/carts/active');
    expect(await active.json()).toMatchObject({
      domains: [DOMAIN],
      carts: [{ shop_id: DOMAIN }],
    });
  });

  it('serves the v1 simple cart on the same cart', async () => {
    const { emulator, access_token } = await startWithSession();
    const v1 = `/api/v1/domains/${DOMAIN}/cart`;

    const added = await cartCall(emulator, access_token, `${v1}/line-items/${mug?.id}/quantity/2`, {
      method: 'POST',
    });
    expect((await added.json()).line_items[0]).toMatchObject({ sku: mug?.id, quantity: 2 });
    const set = await cartCall(emulator, access_token, `${v1}/line-items/${mug?.id}`, {
      method: 'PUT',
      body: JSON.stringify({ quantity: 5 }),
    });
    expect((await set.json()).line_items[0].quantity).toBe(5);
    const v2 = await cartCall(emulator, access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect((await v2.json()).line_items[0].quantity).toBe(5);
    await expectClearedCart(emulator, access_token, v1);
  });

  it('prices shipping and promo codes, and rejects an unknown country or code', async () => {
    const { emulator, access_token } = await startWithSession();
    const base = `/api/v2/domains/${DOMAIN}/cart`;
    await addToCart(emulator, access_token, mug?.id ?? '');
    const send = (path: string, method: string, body: unknown) =>
      cartCall(emulator, access_token, `${base}/${path}`, { method, body: JSON.stringify(body) });

    const mars = await send('shipping-info', 'POST', { country: 'XM' });
    expect(mars.status).toBe(400);
    expect(await mars.json()).toMatchObject({ code: 400, error: 'ErrorCountryNotSupported' });
    const shipped = await (await send('shipping-info', 'PUT', { country: 'us' })).json();
    expect(shipped.shipping_info).toMatchObject({ country: 'US' });
    expect(shipped.shipping_total.number).toBeGreaterThan(0);

    const bad = await send('promo-codes', 'POST', { promo_codes: ['FREESTUFF'] });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: 422, error: 'ErrorInvalidPromoCode' });
    const saved = await (await send('promo-codes', 'POST', { promo_codes: ['SAVE10'] })).json();
    expect(saved.discount_total.number).toBe(220);
    expect(saved.total.number).toBe(2200 - 220 + shipped.shipping_total.number + saved.tax.number);
  });

  it('rejects a revoked device on cart calls and on renewal', async () => {
    const emulator = await start();
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

  it('answers an unknown route with a 404 JSON error', async () => {
    const emulator = await start();
    const res = await fetch(`${emulator.origin}/api/v3/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 404, error: 'NotFound' });
  });
});

describe('CORS', () => {
  it('answers a preflight with the allowed headers, methods and a max age', async () => {
    const emulator = await start();
    const res = await fetch(`${emulator.origin}/api/v2/domains/${DOMAIN}/cart/line-items`, {
      method: 'OPTIONS',
      headers: {
        origin: SHOP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-firmly-authorization',
      },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers');
    const allowed = res.headers.get('access-control-allow-headers')?.split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['x-firmly-authorization', 'x-firmly-app-id', 'content-type']),
    );
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(emulator.counters.preflights).toBe(1);
  });

  it('can be made stricter: other page origins refused, a shorter preflight cache', async () => {
    const emulator = await start();
    emulator.setCors({ allowOrigins: ['https://shop.example'], maxAgeSeconds: 5 });
    const refused = await browserSession(emulator, { headers: { origin: SHOP_ORIGIN } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await browserSession(emulator, { headers: { origin: 'https://shop.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const preflight = await fetch(`${emulator.origin}/api/v1/browser-session`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-max-age')).toBe('5');
  });

  it('exposes the request id, echoing the one the client sent', async () => {
    const emulator = await start();
    const res = await browserSession(emulator, {
      headers: { origin: SHOP_ORIGIN, 'x-firmly-request-id': 'req-42' },
    });
    expect(res.headers.get('x-firmly-request-id')).toBe('req-42');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-firmly-request-id');
  });
});

describe('faults', () => {
  it('counts a fault down one request at a time', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 2 });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await browserSession(emulator)).status);

    expect(statuses).toEqual([503, 503, 200]);
    expect(emulator.counters.browserSession).toBe(3);
  });

  it('answers with broken bodies the client has to survive', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'browser-session', kind: 'malformedJson', times: 1 });
    emulator.injectFault({ endpoint: 'browser-session', kind: 'html', times: 1 });
    emulator.injectFault({ endpoint: 'browser-session', kind: 'missingFields', times: 1 });

    const malformed = await browserSession(emulator);
    expect(await malformed.text()).toBe('{"access_token":');
    const html = await browserSession(emulator);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await (await browserSession(emulator)).json()).toEqual({ device_created: true });
  });

  it('fails only cart calls when the fault targets the cart', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'cart', kind: 'status500', times: 1 });
    const { access_token } = await newSession(emulator);

    const failed = await cartCall(emulator, access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: 500 });
    const next = await cartCall(emulator, access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect(next.status).toBe(200);
  });

  it('drops the connection, or holds it until close() without hanging the test', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'browser-session', kind: 'drop', times: 1 });
    await expect(browserSession(emulator)).rejects.toThrow();

    emulator.injectFault({ endpoint: 'browser-session', kind: 'timeout', times: 1 });
    const held = browserSession(emulator);
    await expect(
      Promise.race([held, new Promise((resolve) => setTimeout(resolve, 100, 'pending'))]),
    ).resolves.toBe('pending');
    await emulator.close();
    await expect(held).rejects.toThrow();
  });
});

describe('test controls', () => {
  it('hides the test routes unless test controls are on', async () => {
    const emulator = await start();
    for (const path of ['/__emulator/counters', '/__emulator/log']) {
      expect((await fetch(`${emulator.origin}${path}`)).status).toBe(404);
    }
    const reset = await fetch(`${emulator.origin}/__emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(404);
    const echo = await fetch(`${emulator.origin}/api/v2/echo`, { method: 'POST' });
    expect(echo.status).toBe(404);
  });

  it('lets a browser test steer the emulator over HTTP, with CORS headers', async () => {
    const emulator = await start({ testControls: true });
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
    expect((await cartCall(emulator, session.access_token, '/api/v2/carts/active')).status).toBe(
      503,
    );
    expect((await control('revoke', { device_id: session.device_id })).status).toBe(204);
    expect((await cartCall(emulator, session.access_token, '/api/v2/carts/active')).status).toBe(
      401,
    );

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
    const emulator = await start({ testControls: true });
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

describe('the request log', () => {
  it('records each cart call but never the token itself', async () => {
    const emulator = await start({ testControls: true });
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
