import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog.js';
import { postControl } from '../postControl.fixtures.js';
import { API_KEY, CART, SITE } from './digitalRiverConstants.fixtures.js';
import { jsonpValue, sessionToken, sessionTokenAction } from './sessionTokens.fixtures.js';
import { addToCart, cartOf, shopperCall } from './shopperCalls.fixtures.js';
import { startDigitalRiver } from './startDigitalRiver.fixtures.js';
import {
  exchange,
  newShopper,
  refresh,
  type Token,
  tokenCall,
  tokenRequest,
} from './tokenGrants.fixtures.js';

const [mug] = catalog;

describe('test controls', () => {
  it('hides the test routes and the echo route unless test controls are on', async () => {
    const emulator = await startDigitalRiver();
    const { access_token } = await newShopper(emulator);
    for (const path of ['/__emulator/counters', '/__emulator/log']) {
      expect((await fetch(`${emulator.apiOrigin}${path}`)).status).toBe(404);
    }
    for (const path of ['reset', 'expire-access', 'revoke-refresh', 'token-lifetime']) {
      const res = await fetch(`${emulator.apiOrigin}/__emulator/${path}`, { method: 'POST' });
      expect(res.status).toBe(404);
    }
    const echo = await shopperCall(emulator, access_token, '/v1/shoppers/me/echo', {
      method: 'POST',
    });
    expect(echo.status).toBe(404);
    expect((await cartOf(emulator, access_token)).totalItemsInCart).toBe(0);
  });

  it('lets a browser test steer the emulator over HTTP, with CORS headers', async () => {
    const emulator = await startDigitalRiver({ testControls: true });
    const control = (path: string, body?: unknown) =>
      fetch(`${emulator.apiOrigin}/__emulator/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { origin: 'http://localhost:8787', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    expect((await control('token-lifetime', { seconds: 30 })).status).toBe(204);
    expect((await control('token-lifetime', { seconds: 0 })).status).toBe(400);
    expect((await control('token-lifetime', 'soon')).status).toBe(400);
    const first = await newShopper(emulator);
    expect(first.expires_in).toBe('30');
    expect((await control('expire-access', {})).status).toBe(204);
    expect((await shopperCall(emulator, first.access_token, CART)).status).toBe(401);
    expect((await control('revoke-refresh', {})).status).toBe(204);
    expect((await refresh(emulator, first.refresh_token)).status).toBe(401);

    const counters = await control('counters');
    expect(counters.headers.get('access-control-allow-origin')).toBe('http://localhost:8787');
    expect(await counters.json()).toMatchObject({
      sessionToken: 1,
      passwordGrants: 1,
      refreshGrants: 1,
      refreshRejected: 1,
      cartCalls: 1,
      unauthorized: 1,
    });
    const log = await (await control('log')).json();
    expect(log.map((entry: { origin: string }) => entry.origin)).toEqual([
      'store',
      'api',
      'api',
      'api',
    ]);
    expect((await control('reset', {})).status).toBe(204);
    expect(emulator.counters.sessionToken).toBe(0);
    expect(emulator.requestLog).toEqual([]);
    expect((await control('nothing', {})).status).toBe(404);
  });

  it('echoes bodies byte for byte and the scheme of the Authorization header, never the token', async () => {
    const emulator = await startDigitalRiver({ testControls: true });
    const { access_token } = await newShopper(emulator);
    const bytes = new Uint8Array([0, 255, 128, 10, 13, 1]);

    const res = await shopperCall(emulator, access_token, '/v1/shoppers/me/echo', {
      method: 'POST',
      body: new Blob([bytes], { type: 'application/octet-stream' }),
    });

    const text = await res.text();
    expect(text).not.toContain(access_token);
    const echo = JSON.parse(text);
    expect(echo).toMatchObject({
      contentType: 'application/octet-stream',
      authorization: 'bearer [redacted]',
    });
    expect(Buffer.from(echo.bodyBase64, 'base64')).toEqual(Buffer.from(bytes));
    const refused = await shopperCall(emulator, undefined, '/v1/shoppers/me/echo', {
      method: 'POST',
    });
    expect(refused.status).toBe(401);
  });
});

describe('controls over HTTP', () => {
  it('lets a browser test set CORS, a fault and a redirect', async () => {
    const emulator = await startDigitalRiver({ testControls: true });
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

describe('the request log', () => {
  it('records requests on both origins but never a token', async () => {
    const emulator = await startDigitalRiver({ testControls: true });
    const session = await sessionToken(emulator);
    const first = await exchange(emulator, session);
    const keyed = await jsonpValue(
      await sessionTokenAction(emulator, `apiKey=${API_KEY}&callback=cb`, {
        headers: { authorization: `bearer ${first.access_token}` },
      }),
    );
    const second = (await (await refresh(emulator, first.refresh_token)).json()) as Token;
    await refresh(emulator, first.refresh_token);
    await addToCart(emulator, second.access_token, mug?.id ?? '');
    await shopperCall(emulator, second.access_token, `${CART}?token=${second.access_token}`, {
      method: 'POST',
      body: JSON.stringify({ copied: second.refresh_token, access_token: 'garbage-value' }),
    });
    await shopperCall(emulator, undefined, CART, {
      headers: { authorization: 'bearer garbage-token-value' },
    });
    await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: 'not-ours-1' });

    const logged = JSON.stringify(emulator.requestLog);
    const secrets = [
      session,
      first.access_token,
      first.refresh_token,
      second.access_token,
      second.refresh_token,
      keyed.access_token as string,
      keyed.refresh_token as string,
      'garbage-value',
      'garbage-token-value',
      'not-ours-1',
    ];
    for (const secret of secrets) expect(logged).not.toContain(secret);
    expect(logged).toContain('[redacted]');
    expect(emulator.requestLog[0]).toEqual({
      origin: 'store',
      method: 'GET',
      path: `/store/${SITE}/SessionToken?format=json&callback=drSession`,
      hasAuth: false,
      contentType: null,
      body: '',
    });
    expect(emulator.requestLog[1]).toMatchObject({
      origin: 'api',
      path: '/oauth20/token',
      contentType: 'application/x-www-form-urlencoded',
      body: 'grant_type=password&dr_session_token=[redacted]&format=json',
    });
    expect(emulator.requestLog[2]).toMatchObject({ origin: 'store', hasAuth: true });
  });
});
