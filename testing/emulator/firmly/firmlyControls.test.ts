import { generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { postControl } from '../postControl.js';
import { startPerTest } from '../startPerTest.js';
import { type FirmlyEmulator, startFirmlyEmulator } from './firmlyEmulator.js';

// Nothing here compares two emulators' signatures, so every emulator shares one RSA key pair.
vi.mock('jose', async (importOriginal) =>
  (await import('./joseWithOneKeyPair.fixtures.js')).joseWithOneKeyPair(importOriginal),
);

// The prime search happens once, here, and not inside the first story's time limit.
beforeAll(() => generateKeyPair('RS256'), 30_000);

const DOMAIN = 'staging.luma.gift';
const CART = `/api/v2/domains/${DOMAIN}/cart`;
const SHOP = 'https://shop.example';

const start = startPerTest(startFirmlyEmulator);

function browserSession(emulator: FirmlyEmulator, appId = 'demo-app', headers = {}) {
  return fetch(`${emulator.origin}/api/v1/browser-session`, {
    method: 'POST',
    headers: { origin: SHOP, 'x-firmly-app-id': appId, ...headers },
  });
}

async function token(emulator: FirmlyEmulator): Promise<string> {
  return ((await (await browserSession(emulator)).json()) as { access_token: string }).access_token;
}

function preflight(emulator: FirmlyEmulator, requestHeaders: string, origin = SHOP) {
  return fetch(`${emulator.origin}${CART}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': requestHeaders,
    },
  });
}

const allowedHeaders = (res: Response) =>
  res.headers.get('access-control-allow-headers')?.split(/,\s*/) ?? [];

describe('defaults a storefront team can use at once', () => {
  it("accepts the storefront's own app id without configuration", async () => {
    const emulator = await start();
    const res = await browserSession(emulator, 'acme-production-app');
    expect(res.status).toBe(200);
  });

  it('still refuses an app id outside a list it was given', async () => {
    const emulator = await start({ appIds: ['acme-app'] });
    expect((await browserSession(emulator, 'acme-app')).status).toBe(200);
    expect((await browserSession(emulator, 'demo-app')).status).toBe(400);
  });

  it("lets a storefront's tracing header through preflight, with credentials for its origin", async () => {
    const emulator = await start();
    const res = await preflight(emulator, 'x-firmly-authorization, traceparent, x-acme-trace');

    expect(allowedHeaders(res)).toEqual(
      expect.arrayContaining(['x-firmly-authorization', 'traceparent', 'x-acme-trace']),
    );
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toContain('Access-Control-Request-Headers');
  });

  it('never mirrors the opaque "null" origin of a sandboxed document', async () => {
    const emulator = await start();
    const res = await browserSession(emulator, 'demo-app', { origin: 'null' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS controls', () => {
  it("refuses a storefront's own header once the allowed headers are restricted", async () => {
    const emulator = await start({ cors: { allowHeaders: [] } });
    const refused = await preflight(emulator, 'x-firmly-authorization, x-acme-trace');
    expect(allowedHeaders(refused)).not.toContain('x-acme-trace');
    expect(allowedHeaders(refused)).toContain('x-firmly-authorization');

    emulator.setCors({ allowHeaders: ['X-Acme-Trace'] });
    const allowed = await preflight(emulator, 'x-acme-trace, x-other');
    expect(allowedHeaders(allowed)).toContain('X-Acme-Trace');
    expect(allowedHeaders(allowed)).not.toContain('x-other');
  });

  it('can answer without credentials, or with the wildcard a browser refuses for credentialed calls', async () => {
    const emulator = await start();
    emulator.setCors({ allowCredentials: false });
    const plain = await browserSession(emulator);
    expect(plain.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(plain.headers.get('access-control-allow-credentials')).toBeNull();

    emulator.setCors({ allowOrigins: '*', allowCredentials: true });
    const wildcard = await browserSession(emulator);
    expect(wildcard.headers.get('access-control-allow-origin')).toBe('*');
    expect(wildcard.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('rejects a malformed setting instead of silently keeping the old one', async () => {
    const emulator = await start();
    expect(() => emulator.setCors({ allowOrigins: 'https://one.example' as never })).toThrow(
      TypeError,
    );
    expect(() => emulator.setCors({ maxAgeSeconds: -1 })).toThrow(TypeError);
    await expect(startFirmlyEmulator({ cors: { allowHeaders: 'all' as never } })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('429 with Retry-After', () => {
  it('answers the token endpoint 429 with the Retry-After a test names, then serves again', async () => {
    const emulator = await start();
    emulator.injectFault({
      endpoint: 'browser-session',
      kind: 'status429',
      times: 2,
      retryAfter: 3,
    });

    const first = await browserSession(emulator);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(await first.json()).toEqual({ error: 'TooManyRequests', message: 'Too many requests.' });
    expect((await browserSession(emulator)).status).toBe(429);
    expect((await browserSession(emulator)).status).toBe(200);
    expect(emulator.counters.browserSession).toBe(3);
  });

  it('answers a cart call 429 in the cart error shape, Retry-After as an HTTP date', async () => {
    const emulator = await start();
    const access = await token(emulator);
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    emulator.injectFault({ endpoint: 'cart', kind: 'status429', times: 1, retryAfter: date });

    const res = await fetch(`${emulator.origin}${CART}`, {
      headers: { origin: SHOP, 'x-firmly-authorization': access },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(date);
    expect(await res.json()).toMatchObject({ code: 429, error: 'TooManyRequests' });
  });

  it('sends no Retry-After unless the fault names one, and refuses a malformed one', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 1 });
    expect((await browserSession(emulator)).headers.get('retry-after')).toBeNull();
    expect(() =>
      emulator.injectFault({ endpoint: 'cart', kind: 'status429', times: 1, retryAfter: 'soon' }),
    ).toThrow(TypeError);
  });
});

describe('redirects', () => {
  it('answers every redirect status with the Location a test names, for any method', async () => {
    const emulator = await start();
    for (const status of [301, 302, 303, 307, 308] as const) {
      emulator.redirect({ path: CART, status, location: '/api/v1/domains/x/cart', times: 1 });
      const res = await fetch(`${emulator.origin}${CART}`, {
        method: 'POST',
        headers: { origin: SHOP },
        redirect: 'manual',
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('location')).toBe('/api/v1/domains/x/cart');
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    }
    expect(emulator.counters.redirects).toBe(5);
    const served = await fetch(`${emulator.origin}${CART}`, { redirect: 'manual' });
    expect(served.status).toBe(401);
  });

  it('moves a cart call within the API origin: the final hop is served with its token', async () => {
    const emulator = await start();
    const access = await token(emulator);
    emulator.redirect({ path: '/api/v2/old-cart', status: 307, location: CART });

    const res = await fetch(`${emulator.origin}/api/v2/old-cart`, {
      headers: { 'x-firmly-authorization': access },
    });

    expect(res.status).toBe(200);
    expect(res.url).toBe(`${emulator.origin}${CART}`);
    expect(emulator.requestLog.map((entry) => [entry.path, entry.hasAuth])).toEqual([
      ['/api/v2/old-cart', true],
      [CART, true],
    ]);
  });

  it('moves a cart call to another origin, whose log shows whether a token arrived', async () => {
    const api = await start();
    const elsewhere = await start();
    api.redirect({
      path: CART,
      status: 302,
      location: `${elsewhere.origin}${CART}`,
      method: 'GET',
    });

    const res = await fetch(`${api.origin}${CART}`, { headers: { 'x-firmly-authorization': 'x' } });

    expect(res.url).toBe(`${elsewhere.origin}${CART}`);
    expect(elsewhere.requestLog).toHaveLength(1);
    expect(api.counters).toMatchObject({ redirects: 1, cartCalls: 0 });
  });

  it('redirects only the method named, until reset', async () => {
    const emulator = await start();
    emulator.redirect({ path: CART, status: 308, location: '/elsewhere', method: 'put' });
    expect((await fetch(`${emulator.origin}${CART}`, { redirect: 'manual' })).status).toBe(401);
    const put = await fetch(`${emulator.origin}${CART}`, { method: 'PUT', redirect: 'manual' });
    expect(put.status).toBe(308);
    emulator.reset();
    const after = await fetch(`${emulator.origin}${CART}`, { method: 'PUT', redirect: 'manual' });
    expect(after.status).not.toBe(308);
  });

  it('rejects a redirect it could not answer', async () => {
    const emulator = await start();
    const bad = [
      { path: 'cart', status: 302, location: '/x' },
      { path: CART, status: 304, location: '/x' },
      { path: CART, status: 302, location: '/x\r\nSet-Cookie: a=b' },
      { path: `${CART}?q=1`, status: 302, location: '/x' },
    ];
    for (const rule of bad) expect(() => emulator.redirect(rule as never)).toThrow(TypeError);
  });
});

describe('controls over HTTP', () => {
  it('lets a browser test set CORS, a redirect, a 429 and the renewal window', async () => {
    const emulator = await start({ testControls: true });
    const control = (name: string, body: unknown) => postControl(emulator.origin, name, body);

    expect((await control('cors', { allowOrigins: ['https://other.example'] })).status).toBe(204);
    expect((await browserSession(emulator)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await control('cors', { allowOrigins: 'echo' })).status).toBe(204);
    expect((await control('cors', { allowOrigins: 42 })).status).toBe(400);

    const redirect = { path: CART, status: 303, location: 'https://elsewhere.example/cart' };
    expect((await control('redirect', redirect)).status).toBe(204);
    const moved = await fetch(`${emulator.origin}${CART}`, { redirect: 'manual' });
    expect(moved.headers.get('location')).toBe('https://elsewhere.example/cart');

    const fault = { endpoint: 'browser-session', kind: 'status429', times: 1, retryAfter: 1 };
    expect((await control('fault', fault)).status).toBe(204);
    expect((await browserSession(emulator)).headers.get('retry-after')).toBe('1');

    expect((await control('renew-window', { seconds: 0 })).status).toBe(400);
    expect((await control('renew-window', { seconds: 60 })).status).toBe(204);
  });
});
