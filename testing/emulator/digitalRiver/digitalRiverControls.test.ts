import { describe, expect, it } from 'vitest';
import { postControl } from '../postControl.js';
import { startPerTest } from '../startPerTest.js';
import { type DigitalRiverEmulator, startDigitalRiverEmulator } from './digitalRiverEmulator.js';

const SHOP = 'https://shop.example';
const CART = '/v1/shoppers/me/carts/active';

const start = startPerTest(startDigitalRiverEmulator);

/** A shopper's token through the store's SessionToken with the demo API key. */
async function accessToken(emulator: DigitalRiverEmulator): Promise<string> {
  const res = await fetch(
    `${emulator.storeOrigin}/store/demoSite/SessionToken?apiKey=demo-public-key&format=json`,
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

function cartCall(emulator: DigitalRiverEmulator, token: string, init: RequestInit = {}) {
  return fetch(`${emulator.apiOrigin}${CART}?format=json`, {
    ...init,
    headers: { origin: SHOP, authorization: `bearer ${token}`, ...init.headers },
  });
}

function tokenCall(emulator: DigitalRiverEmulator) {
  return fetch(`${emulator.apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=refresh_token&refresh_token=unknown',
  });
}

describe('CORS for a storefront that sends credentials', () => {
  it('mirrors the page origin with credentials, so withCredentials calls can read the cart', async () => {
    const emulator = await start();
    const res = await cartCall(emulator, await accessToken(emulator));

    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it("allows a storefront's own header in preflight by default, and refuses it when restricted", async () => {
    const emulator = await start();
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
    const emulator = await start({ cors: { allowOrigins: '*' } });
    const res = await cartCall(emulator, await accessToken(emulator));

    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('can leave CORS headers off a 401, so the page sees a network error, and keep them on a 200', async () => {
    const emulator = await start({ cors: { omitOnUnauthorized: true } });
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
    const emulator = await start();
    emulator.setCors({ allowOrigins: ['https://other.example'] });
    const res = await cartCall(emulator, await accessToken(emulator));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('faults', () => {
  it('answers the token endpoint 429 with Retry-After in the nested error shape', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'token', kind: 'status429', times: 1, retryAfter: 2 });

    const limited = await tokenCall(emulator);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(await limited.json()).toEqual({
      errors: {
        error: [
          {
            relation: expect.stringContaining('AccessTokenResource'),
            code: 'too_many_requests',
            description: 'Too many requests.',
          },
        ],
      },
    });
    // The next request reaches the token endpoint itself, which refuses the unknown refresh token.
    expect((await tokenCall(emulator)).status).toBe(401);
  });

  it('fails Shopper API calls, counted as cart calls, and leaves the token endpoint alone', async () => {
    const emulator = await start();
    const token = await accessToken(emulator);
    emulator.injectFault({ endpoint: 'cart', kind: 'status503', times: 2, retryAfter: 5 });

    const first = await cartCall(emulator, token);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('5');
    expect((await tokenCall(emulator)).status).toBe(401);
    expect((await cartCall(emulator, token)).status).toBe(503);
    expect((await cartCall(emulator, token)).status).toBe(200);
    expect(emulator.counters.cartCalls).toBe(3);
  });

  it('fails the store SessionToken action and holds or drops connections until close()', async () => {
    const emulator = await start();
    emulator.injectFault({ endpoint: 'session-token', kind: 'html', times: 1 });
    const page = await fetch(`${emulator.storeOrigin}/store/demoSite/SessionToken?format=json`);
    expect(page.status).toBe(502);
    expect(emulator.counters.sessionToken).toBe(1);

    emulator.injectFault({ endpoint: 'token', kind: 'drop', times: 1 });
    await expect(tokenCall(emulator)).rejects.toThrow();
    emulator.injectFault({ endpoint: 'token', kind: 'missingFields', times: 1 });
    expect(await (await tokenCall(emulator)).json()).toEqual({ token_type: 'bearer' });
  });
});

describe('redirects', () => {
  it('moves a Shopper API call, with CORS on the redirect so the browser may follow it', async () => {
    const emulator = await start();
    const token = await accessToken(emulator);
    emulator.redirect({ path: '/v1/shoppers/me/carts/current', status: 308, location: CART });

    const manual = await fetch(`${emulator.apiOrigin}/v1/shoppers/me/carts/current`, {
      headers: { origin: SHOP },
      redirect: 'manual',
    });
    expect(manual.status).toBe(308);
    expect(manual.headers.get('location')).toBe(CART);
    expect(manual.headers.get('access-control-allow-origin')).toBe(SHOP);

    const followed = await fetch(`${emulator.apiOrigin}/v1/shoppers/me/carts/current`, {
      headers: { authorization: `bearer ${token}` },
    });
    expect(followed.status).toBe(200);
    expect(emulator.counters.redirects).toBe(2);
  });
});

describe('controls over HTTP', () => {
  it('lets a browser test set CORS, a fault and a redirect', async () => {
    const emulator = await start({ testControls: true });
    const control = (name: string, body: unknown) => postControl(emulator.apiOrigin, name, body);

    expect(
      (await control('fault', { endpoint: 'token', kind: 'status429', times: 1 })).status,
    ).toBe(204);
    expect((await tokenCall(emulator)).status).toBe(429);
    expect((await control('fault', { endpoint: 'token', kind: 'nope', times: 1 })).status).toBe(
      400,
    );
    expect((await control('redirect', { path: CART, status: 302, location: '/x' })).status).toBe(
      204,
    );
    expect((await fetch(`${emulator.apiOrigin}${CART}`, { redirect: 'manual' })).status).toBe(302);
    expect((await control('cors', { allowOrigins: '*' })).status).toBe(204);
    expect((await tokenCall(emulator)).headers.get('access-control-allow-origin')).toBe('*');
    expect((await control('cors', { allowCredentials: 'yes' })).status).toBe(400);
  });
});
