import { describe, expect, it, vi } from 'vitest';
import { CART, DOMAIN, SHOP, SHOP_ORIGIN } from './firmlyConstants.fixtures.js';
import { type FirmlyEmulator, startFirmlyEmulator } from './firmlyEmulator.js';
import { browserSession, sessionFromShop } from './firmlySessions.fixtures.js';
import { startFirmly } from './startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));

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

describe('CORS', () => {
  it('answers a preflight with the allowed headers, methods and a max age', async () => {
    const emulator = await startFirmly();
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
    const emulator = await startFirmly();
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
    const emulator = await startFirmly();
    const res = await browserSession(emulator, {
      headers: { origin: SHOP_ORIGIN, 'x-firmly-request-id': 'req-42' },
    });
    expect(res.headers.get('x-firmly-request-id')).toBe('req-42');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-firmly-request-id');
  });
});

describe('defaults a storefront team can use at once', () => {
  it("accepts the storefront's own app id without configuration", async () => {
    const emulator = await startFirmly();
    const res = await sessionFromShop(emulator, 'acme-production-app');
    expect(res.status).toBe(200);
  });

  it('still refuses an app id outside a list it was given', async () => {
    const emulator = await startFirmly({ appIds: ['acme-app'] });
    expect((await sessionFromShop(emulator, 'acme-app')).status).toBe(200);
    expect((await sessionFromShop(emulator, 'demo-app')).status).toBe(400);
  });

  it("lets a storefront's tracing header through preflight, with credentials for its origin", async () => {
    const emulator = await startFirmly();
    const res = await preflight(emulator, 'x-firmly-authorization, traceparent, x-acme-trace');

    expect(allowedHeaders(res)).toEqual(
      expect.arrayContaining(['x-firmly-authorization', 'traceparent', 'x-acme-trace']),
    );
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toContain('Access-Control-Request-Headers');
  });

  it('never mirrors the opaque "null" origin of a sandboxed document', async () => {
    const emulator = await startFirmly();
    const res = await sessionFromShop(emulator, 'demo-app', { origin: 'null' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS controls', () => {
  it("refuses a storefront's own header once the allowed headers are restricted", async () => {
    const emulator = await startFirmly({ cors: { allowHeaders: [] } });
    const refused = await preflight(emulator, 'x-firmly-authorization, x-acme-trace');
    expect(allowedHeaders(refused)).not.toContain('x-acme-trace');
    expect(allowedHeaders(refused)).toContain('x-firmly-authorization');

    emulator.setCors({ allowHeaders: ['X-Acme-Trace'] });
    const allowed = await preflight(emulator, 'x-acme-trace, x-other');
    expect(allowedHeaders(allowed)).toContain('X-Acme-Trace');
    expect(allowedHeaders(allowed)).not.toContain('x-other');
  });

  it('can answer without credentials, or with the wildcard a browser refuses for credentialed calls', async () => {
    const emulator = await startFirmly();
    emulator.setCors({ allowCredentials: false });
    const plain = await sessionFromShop(emulator);
    expect(plain.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(plain.headers.get('access-control-allow-credentials')).toBeNull();

    emulator.setCors({ allowOrigins: '*', allowCredentials: true });
    const wildcard = await sessionFromShop(emulator);
    expect(wildcard.headers.get('access-control-allow-origin')).toBe('*');
    expect(wildcard.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('rejects a malformed setting instead of silently keeping the old one', async () => {
    const emulator = await startFirmly();
    expect(() => emulator.setCors({ allowOrigins: 'https://one.example' as never })).toThrow(
      TypeError,
    );
    expect(() => emulator.setCors({ maxAgeSeconds: -1 })).toThrow(TypeError);
    await expect(startFirmlyEmulator({ cors: { allowHeaders: 'all' as never } })).rejects.toThrow(
      TypeError,
    );
  });
});
