import { describe, expect, it } from 'vitest';
import { CART, SHOP } from './digitalRiverConstants.fixtures.js';
import { accessToken } from './sessionTokens.fixtures.js';
import { cartCall } from './shopperCalls.fixtures.js';
import { startDigitalRiver } from './startDigitalRiver.fixtures.js';
import { tokenCall } from './tokenGrants.fixtures.js';

describe('CORS', () => {
  it('answers a preflight with the public methods and headers, the origin mirrored, and a max age', async () => {
    const emulator = await startDigitalRiver();
    const res = await fetch(`${emulator.apiOrigin}${CART}/line-items`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8787',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8787');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Accept',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(emulator.counters.preflights).toBe(1);
    expect(emulator.counters.cartCalls).toBe(0);
  });
});

describe('CORS for a storefront that sends credentials', () => {
  it('mirrors the page origin with credentials, so withCredentials calls can read the cart', async () => {
    const emulator = await startDigitalRiver();
    const res = await cartCall(emulator, await accessToken(emulator));

    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it("allows a storefront's own header in preflight by default, and refuses it when restricted", async () => {
    const emulator = await startDigitalRiver();
    const preflight = () =>
      fetch(`${emulator.apiOrigin}${CART}`, {
        method: 'OPTIONS',
        headers: {
          origin: SHOP,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, x-acme-trace',
        },
      });

    expect((await preflight()).headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Accept, x-acme-trace',
    );
    emulator.setCors({ allowHeaders: [] });
    expect((await preflight()).headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Accept',
    );
  });

  it('answers the documented wildcard when asked, which a browser refuses for credentialed calls', async () => {
    const emulator = await startDigitalRiver({ cors: { allowOrigins: '*' } });
    const res = await cartCall(emulator, await accessToken(emulator));

    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('can leave CORS headers off a 401, so the page sees a network error, and keep them on a 200', async () => {
    const emulator = await startDigitalRiver({ cors: { omitOnUnauthorized: true } });
    const token = await accessToken(emulator);

    const refused = await cartCall(emulator, 'f'.repeat(64));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-credentials')).toBeNull();
    const tokenRefused = await tokenCall(emulator);
    expect(tokenRefused.status).toBe(401);
    expect(tokenRefused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await cartCall(emulator, token)).headers.get('access-control-allow-origin')).toBe(SHOP);

    emulator.setCors({ omitOnUnauthorized: false });
    const readable = await cartCall(emulator, 'f'.repeat(64));
    expect(readable.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('allows only the listed page origins once restricted', async () => {
    const emulator = await startDigitalRiver();
    emulator.setCors({ allowOrigins: ['https://other.example'] });
    const res = await cartCall(emulator, await accessToken(emulator));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
