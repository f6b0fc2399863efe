import { describe, expect, it, vi } from 'vitest';
import { CART, SHOP } from './firmlyConstants.fixtures.js';
import { token } from './firmlySessions.fixtures.js';
import { startFirmly } from './startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));

describe('redirects', () => {
  it('answers every redirect status with the Location a test names, for any method', async () => {
    const emulator = await startFirmly();
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
    const emulator = await startFirmly();
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
    const api = await startFirmly();
    const elsewhere = await startFirmly();
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
    const emulator = await startFirmly();
    emulator.redirect({ path: CART, status: 308, location: '/elsewhere', method: 'put' });
    expect((await fetch(`${emulator.origin}${CART}`, { redirect: 'manual' })).status).toBe(401);
    const put = await fetch(`${emulator.origin}${CART}`, { method: 'PUT', redirect: 'manual' });
    expect(put.status).toBe(308);
    emulator.reset();
    const after = await fetch(`${emulator.origin}${CART}`, { method: 'PUT', redirect: 'manual' });
    expect(after.status).not.toBe(308);
  });

  it('rejects a redirect it could not answer', async () => {
    const emulator = await startFirmly();
    const bad = [
      { path: 'cart', status: 302, location: '/x' },
      { path: CART, status: 304, location: '/x' },
      { path: CART, status: 302, location: '/x\r\nSet-Cookie: a=b' },
      { path: `${CART}?q=1`, status: 302, location: '/x' },
    ];
    for (const rule of bad) expect(() => emulator.redirect(rule as never)).toThrow(TypeError);
  });
});
