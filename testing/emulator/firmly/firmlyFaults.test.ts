import { describe, expect, it, vi } from 'vitest';
import { cartCall } from './firmlyCartCalls.fixtures.js';
import { CART, DOMAIN, SHOP } from './firmlyConstants.fixtures.js';
import { browserSession, newSession, sessionFromShop, token } from './firmlySessions.fixtures.js';
import { startFirmly } from './startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));

describe('faults', () => {
  it('counts a fault down one request at a time', async () => {
    const emulator = await startFirmly();
    emulator.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 2 });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await browserSession(emulator)).status);

    expect(statuses).toEqual([503, 503, 200]);
    expect(emulator.counters.browserSession).toBe(3);
  });

  it('answers with broken bodies the client has to survive', async () => {
    const emulator = await startFirmly();
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
    const emulator = await startFirmly();
    emulator.injectFault({ endpoint: 'cart', kind: 'status500', times: 1 });
    const { access_token } = await newSession(emulator);

    const failed = await cartCall(emulator, access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: 500 });
    const next = await cartCall(emulator, access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect(next.status).toBe(200);
  });

  it('drops the connection, or holds it until close() without hanging the test', async () => {
    const emulator = await startFirmly();
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

describe('429 with Retry-After', () => {
  it('answers the token endpoint 429 with the Retry-After a test names, then serves again', async () => {
    const emulator = await startFirmly();
    emulator.injectFault({
      endpoint: 'browser-session',
      kind: 'status429',
      times: 2,
      retryAfter: 3,
    });

    const first = await sessionFromShop(emulator);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    // A storefront's page or worker on another origin can read it.
    expect(first.headers.get('access-control-expose-headers')).toBe(
      'x-firmly-request-id, Retry-After',
    );
    expect(await first.json()).toEqual({ error: 'TooManyRequests', message: 'Too many requests.' });
    expect((await sessionFromShop(emulator)).status).toBe(429);
    expect((await sessionFromShop(emulator)).status).toBe(200);
    expect(emulator.counters.browserSession).toBe(3);
  });

  it('answers a cart call 429 in the cart error shape, Retry-After as an HTTP date', async () => {
    const emulator = await startFirmly();
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
    const emulator = await startFirmly();
    emulator.injectFault({ endpoint: 'browser-session', kind: 'status503', times: 1 });
    expect((await sessionFromShop(emulator)).headers.get('retry-after')).toBeNull();
    expect(() =>
      emulator.injectFault({ endpoint: 'cart', kind: 'status429', times: 1, retryAfter: 'soon' }),
    ).toThrow(TypeError);
  });
});
