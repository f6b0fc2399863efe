import { describe, expect, it, vi } from 'vitest';
import { CART, SHOP, SITE } from './digitalRiverConstants.fixtures.js';
import { accessToken } from './sessionTokens.fixtures.js';
import { cartCall } from './shopperCalls.fixtures.js';
import { startDigitalRiver } from './startDigitalRiver.fixtures.js';
import { tokenCall } from './tokenGrants.fixtures.js';

describe('faults', () => {
  it('answers the token endpoint 429 with Retry-After in the nested error shape', async () => {
    const emulator = await startDigitalRiver();
    emulator.injectFault({ endpoint: 'token', kind: 'status429', times: 1, retryAfter: 2 });

    const limited = await tokenCall(emulator);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('access-control-allow-origin')).toBe(SHOP);
    // The storefront's worker, on another origin, can read the wait.
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
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
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver();
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

describe('abandoned requests', () => {
  it('counts a request whose client gave up before the answer', async () => {
    const emulator = await startDigitalRiver();
    const controller = new AbortController();
    // A body that never ends keeps the request open until the client aborts it. The store counts
    // an Authorization header before reading the body, which shows the request has arrived.
    const body = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('x')) });
    const pending = fetch(`${emulator.storeOrigin}/store/${SITE}/SessionToken`, {
      method: 'POST',
      headers: { authorization: 'bearer x' },
      body,
      signal: controller.signal,
      duplex: 'half',
    } as RequestInit);

    await vi.waitFor(() => expect(emulator.counters.storeRequestsWithAuth).toBe(1));
    expect(emulator.counters.abandoned).toBe(0);
    controller.abort();

    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(emulator.counters.abandoned).toBe(1));
  });
});
