import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog.js';
import { CART, T0 } from './digitalRiverConstants.fixtures.js';
import { addToCart, cartOf, invalidToken, shopperCall } from './shopperCalls.fixtures.js';
import { startDigitalRiver } from './startDigitalRiver.fixtures.js';
import { newShopper, refresh, type Token } from './tokenGrants.fixtures.js';

const [mug] = catalog;

describe('token expiry and revocation', () => {
  it('refuses an access token past its lifetime, and a refresh brings the cart back', async () => {
    const emulator = await startDigitalRiver();
    emulator.setNow(() => T0);
    emulator.setAccessTokenLifetime(60);
    const first = await newShopper(emulator);
    expect(first.expires_in).toBe('60');
    await addToCart(emulator, first.access_token, mug?.id ?? '');

    emulator.setNow(() => T0 + 60 * 1000);
    expect((await shopperCall(emulator, first.access_token, CART)).status).toBe(401);
    const renewed = (await (await refresh(emulator, first.refresh_token)).json()) as Token;
    expect((await cartOf(emulator, renewed.access_token)).totalItemsInCart).toBe(1);
    expect(() => emulator.setAccessTokenLifetime(1.5)).toThrow(TypeError);
  });

  it('after expireAccessTokens, calls fail with 401 until the client refreshes', async () => {
    const emulator = await startDigitalRiver();
    const first = await newShopper(emulator);
    await addToCart(emulator, first.access_token, mug?.id ?? '');

    emulator.expireAccessTokens();

    const stale = await shopperCall(emulator, first.access_token, CART);
    expect(stale.status).toBe(401);
    expect(await stale.json()).toEqual(invalidToken('Session expired'));
    const res = await refresh(emulator, first.refresh_token);
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as Token;
    expect((await cartOf(emulator, renewed.access_token)).totalItemsInCart).toBe(1);
  });

  it('after revokeRefreshTokens, refresh fails and the client must run SessionToken again', async () => {
    const emulator = await startDigitalRiver();
    const first = await newShopper(emulator);

    emulator.revokeRefreshTokens();

    const res = await refresh(emulator, first.refresh_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(invalidToken('Session expired'));
    expect(emulator.counters.refreshRejected).toBe(1);
    // Access tokens are untouched; a new SessionToken gives a working refresh token.
    expect((await shopperCall(emulator, first.access_token, CART)).status).toBe(200);
    const fresh = await newShopper(emulator);
    expect((await refresh(emulator, fresh.refresh_token)).status).toBe(200);
  });
});
