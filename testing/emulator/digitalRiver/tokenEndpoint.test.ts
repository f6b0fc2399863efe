import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog.js';
import { API_KEY, HEX_64, SHOP_ORIGIN, T0 } from './digitalRiverConstants.fixtures.js';
import { sessionToken } from './sessionTokens.fixtures.js';
import { addToCart, cartOf, invalidToken } from './shopperCalls.fixtures.js';
import { startDigitalRiver } from './startDigitalRiver.fixtures.js';
import { exchange, newShopper, refresh, type Token, tokenRequest } from './tokenGrants.fixtures.js';

const [mug] = catalog;

describe('the token endpoint', () => {
  it('exchanges a session token for a wrapped, opaque token with the configured lifetime', async () => {
    const emulator = await startDigitalRiver({ accessTokenLifetimeSeconds: 3599 });

    const res = await tokenRequest(emulator, {
      grant_type: 'password',
      dr_session_token: await sessionToken(emulator),
      format: 'json',
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(await res.json()).toEqual({
      token: {
        access_token: expect.stringMatching(HEX_64),
        token_type: 'bearer',
        expires_in: '3599',
        refresh_token: expect.stringMatching(HEX_64),
      },
    });
    expect(emulator.counters.passwordGrants).toBe(1);
  });

  it('with sessionTokenReuse off, accepts a session token once, and not after 10 minutes', async () => {
    const emulator = await startDigitalRiver({ sessionTokenReuse: false });
    emulator.setNow(() => T0);
    const once = await sessionToken(emulator);
    await exchange(emulator, once);

    const reused = await tokenRequest(emulator, { grant_type: 'password', dr_session_token: once });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toEqual({
      errors: {
        error: [
          {
            relation: 'https://developers.digitalriver.com/v1/shoppers/AccessTokenResource',
            code: 'invalid_token',
            description: 'Invalid token for specified shopper',
          },
        ],
      },
    });

    const late = await sessionToken(emulator);
    emulator.setNow(() => T0 + 10 * 60 * 1000);
    const stale = await tokenRequest(emulator, { grant_type: 'password', dr_session_token: late });
    expect(stale.status).toBe(401);
    expect(emulator.counters.passwordGrants).toBe(3);
  });

  it('rotates refresh tokens: the new pair keeps the cart, the old refresh token is refused', async () => {
    const emulator = await startDigitalRiver();
    const first = await newShopper(emulator);
    await addToCart(emulator, first.access_token, mug?.id ?? '');

    const res = await refresh(emulator, first.refresh_token);
    expect(res.status).toBe(200);
    const second = (await res.json()) as Token;
    expect(second).toEqual({
      access_token: expect.stringMatching(HEX_64),
      token_type: 'bearer',
      expires_in: '86397',
      refresh_token: expect.stringMatching(HEX_64),
    });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await cartOf(emulator, second.access_token)).totalItemsInCart).toBe(1);

    const replayed = await refresh(emulator, first.refresh_token);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual(invalidToken('Session expired'));
    expect(emulator.counters).toMatchObject({ refreshGrants: 2, refreshRejected: 1 });
  });

  it('refuses other grants, missing parameters and a JSON body with 400 invalid_request', async () => {
    const emulator = await startDigitalRiver();
    const attempts = [
      tokenRequest(emulator, { grant_type: 'client_credentials' }),
      tokenRequest(emulator, { grant_type: 'password' }),
      tokenRequest(emulator, { grant_type: 'refresh_token' }),
      tokenRequest(emulator, {}),
      fetch(`${emulator.apiOrigin}/oauth20/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', dr_session_token: 'x' }),
      }),
      fetch(`${emulator.apiOrigin}/oauth20/token`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errors: { error: [{ code: 'invalid_request' }] } });
    }
    expect(emulator.counters.refreshRejected).toBe(0);
  });
});

describe('client identification on the token endpoint', () => {
  const clientError = {
    error: 'invalid_client',
    error_description: 'Client authentication failed: send the API key.',
  };

  it('answers 401 invalid_client, flat, to a grant that does not identify a known client', async () => {
    const emulator = await startDigitalRiver();
    const token = await sessionToken(emulator);
    const grant = { grant_type: 'password', dr_session_token: token };
    const wrongKey = `Basic ${Buffer.from('stolen:').toString('base64')}`;
    const attempts = [
      tokenRequest(emulator, grant, undefined, null),
      tokenRequest(emulator, grant, undefined, wrongKey),
      tokenRequest(emulator, { ...grant, client_id: 'stolen' }, undefined, null),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
      expect(await res.json()).toEqual(clientError);
    }
    expect(emulator.counters).toMatchObject({ clientRejected: 3, passwordGrants: 3 });
    // The session token was not spent by the refused attempts.
    expect((await tokenRequest(emulator, grant)).status).toBe(200);
  });

  it('takes the key as the Basic user name, or as client_id in the form or the query', async () => {
    const emulator = await startDigitalRiver();
    const inQuery = new URLSearchParams({
      client_id: API_KEY,
      grant_type: 'password',
      dr_session_token: await sessionToken(emulator),
      format: 'json',
    });
    const exchanges = [
      tokenRequest(emulator, {
        grant_type: 'password',
        dr_session_token: await sessionToken(emulator),
      }),
      tokenRequest(
        emulator,
        {
          grant_type: 'password',
          dr_session_token: await sessionToken(emulator),
          client_id: API_KEY,
        },
        undefined,
        null,
      ),
      // Every parameter in the query string and no body, as Digital River's reference shop posts.
      fetch(`${emulator.apiOrigin}/oauth20/token?${inQuery}`, { method: 'POST' }),
    ];
    for (const res of await Promise.all(exchanges)) expect(res.status).toBe(200);
    expect(emulator.counters).toMatchObject({ clientRejected: 0, passwordGrants: 3 });
  });

  it("with apiKeys 'any', takes a storefront's real key, but still refuses no key", async () => {
    const emulator = await startDigitalRiver({ apiKeys: 'any' });
    const grant = async () => ({
      grant_type: 'password',
      dr_session_token: await sessionToken(emulator),
    });
    const realKey = `Basic ${Buffer.from('their-production-key:').toString('base64')}`;
    expect((await tokenRequest(emulator, await grant(), undefined, realKey)).status).toBe(200);
    expect((await tokenRequest(emulator, await grant(), undefined, null)).status).toBe(401);
  });

  it('with requireClientId off, exchanges for an unidentified client', async () => {
    const emulator = await startDigitalRiver({ requireClientId: false });
    const res = await tokenRequest(
      emulator,
      { grant_type: 'password', dr_session_token: await sessionToken(emulator) },
      undefined,
      null,
    );
    expect(res.status).toBe(200);
  });
});

describe('session token reuse', () => {
  it('exchanges the same session token again for the same shopper and cart, until the shopper session ends', async () => {
    const emulator = await startDigitalRiver();
    emulator.setNow(() => T0);
    const token = await sessionToken(emulator);
    const first = await exchange(emulator, token);
    await addToCart(emulator, first.access_token, mug?.id ?? '');
    // Long after the 10 minutes a fresh session token has for its first exchange.
    emulator.setNow(() => T0 + 60 * 60 * 1000);
    emulator.expireAccessTokens();
    emulator.revokeRefreshTokens();
    const again = await exchange(emulator, token);
    expect(again.access_token).not.toBe(first.access_token);
    expect((await cartOf(emulator, again.access_token)).totalItemsInCart).toBe(1);

    emulator.revokeSessionTokens();
    const ended = await tokenRequest(emulator, { grant_type: 'password', dr_session_token: token });
    expect(ended.status).toBe(401);
    expect(await ended.json()).toEqual(invalidToken('Invalid token for specified shopper'));
  });
});
