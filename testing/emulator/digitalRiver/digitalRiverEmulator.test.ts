import { describe, expect, it, vi } from 'vitest';
import { callFromShop } from '../callFromShop.js';
import { catalog } from '../catalog.js';
import { startPerTest } from '../startPerTest.js';
import {
  type DigitalRiverEmulator,
  startDigitalRiverEmulator,
  unwrapJsonp,
} from './digitalRiverEmulator.js';

const SITE = 'demoSite';
const API_KEY = 'demo-public-key';
const CART = '/v1/shoppers/me/carts/active';
const T0 = Date.UTC(2025, 0, 6, 12, 0, 0);
const HEX_64 = /^[0-9a-f]{64}$/;
const SHOP_ORIGIN = 'http://localhost:8787';
const [mug, candle] = catalog;

interface Token {
  access_token: string;
  token_type: string;
  expires_in: string;
  refresh_token: string;
}

const start = startPerTest(startDigitalRiverEmulator);

function sessionTokenAction(
  emulator: DigitalRiverEmulator,
  query = 'format=json&callback=drSession',
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${emulator.storeOrigin}/store/${SITE}/SessionToken?${query}`, init);
}

/** @returns the value the page's JSONP callback would be called with */
async function jsonpValue(res: Response): Promise<Record<string, unknown>> {
  expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  return unwrapJsonp(await res.text()).value as Record<string, unknown>;
}

/** The client identification Digital River's docs give public apps: the API key as Basic user. */
const BASIC = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;

/** A token request; `authorization` is Basic with the emulator's key unless given, `null` for none. */
function tokenRequest(
  emulator: DigitalRiverEmulator,
  params: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
  authorization: string | null = BASIC,
): Promise<Response> {
  return fetch(`${emulator.apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers: {
      origin: SHOP_ORIGIN,
      'content-type': contentType,
      ...(authorization === null ? {} : { authorization }),
    },
    body: new URLSearchParams(params).toString(),
  });
}

async function sessionToken(emulator: DigitalRiverEmulator, init?: RequestInit): Promise<string> {
  const value = await jsonpValue(await sessionTokenAction(emulator, undefined, init));
  return value.session_token as string;
}

async function exchange(emulator: DigitalRiverEmulator, token: string): Promise<Token> {
  const res = await tokenRequest(emulator, {
    grant_type: 'password',
    dr_session_token: token,
    format: 'json',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: Token }).token;
}

/** The two-step flow a page without an API key runs: SessionToken, then the password grant. */
async function newShopper(emulator: DigitalRiverEmulator): Promise<Token> {
  return exchange(emulator, await sessionToken(emulator));
}

function refresh(emulator: DigitalRiverEmulator, refreshToken: string): Promise<Response> {
  return tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

function shopperCall(
  emulator: DigitalRiverEmulator,
  token: string | undefined,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const auth: Record<string, string> = token ? { authorization: `bearer ${token}` } : {};
  return callFromShop(
    SHOP_ORIGIN,
    `${emulator.apiOrigin}${path}`,
    { accept: 'application/json', ...auth },
    init,
  );
}

function addToCart(emulator: DigitalRiverEmulator, token: string, productId: string, qty = 1) {
  return shopperCall(
    emulator,
    token,
    `${CART}/line-items?productId=${productId}&quantity=${qty}&format=json`,
    { method: 'POST' },
  );
}

async function cartOf(emulator: DigitalRiverEmulator, token: string) {
  const res = await shopperCall(emulator, token, `${CART}?format=json`);
  expect(res.status).toBe(200);
  return (await res.json()).cart;
}

const invalidToken = (description: string) => ({
  errors: { error: [{ relation: expect.any(String), code: 'invalid_token', description }] },
});

describe('the SessionToken site action', () => {
  it('hands a page without an API key a session token through its callback, and a store cookie', async () => {
    const emulator = await start();

    const res = await sessionTokenAction(emulator);

    expect(res.status).toBe(200);
    const { callback, value } = unwrapJsonp(await res.text());
    expect(callback).toBe('drSession');
    expect(value).toEqual({ session_token: expect.stringMatching(/^[0-9A-F]{32}$/) });
    expect(res.headers.get('set-cookie')).toMatch(
      /^DRSESSION=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(emulator.counters.sessionToken).toBe(1);
  });

  it('answers plain JSON when the page names no callback', async () => {
    const emulator = await start();
    const res = await sessionTokenAction(emulator, 'format=json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ session_token: expect.stringMatching(/^[0-9A-F]{32}$/) });
  });

  it('hands a page with a valid API key a flat token at once, expires_in as a string', async () => {
    const emulator = await start();

    const value = await jsonpValue(
      await sessionTokenAction(emulator, `apiKey=${API_KEY}&format=json&callback=drSession`),
    );

    expect(value).toEqual({
      access_token: expect.stringMatching(HEX_64),
      token_type: 'bearer',
      expires_in: '86397',
      refresh_token: expect.stringMatching(HEX_64),
    });
    expect((await shopperCall(emulator, value.access_token as string, CART)).status).toBe(200);
    expect(emulator.counters.passwordGrants).toBe(0);
  });

  it('answers a wrong API key with invalid_client through the callback, so the page can read it', async () => {
    const emulator = await start();
    const res = await sessionTokenAction(emulator, 'apiKey=stolen&format=json&callback=cb');

    // A script with an error status never runs, so the error travels in a 200.
    expect(res.status).toBe(200);
    expect(unwrapJsonp(await res.text()).value).toEqual({
      errors: {
        error: [
          {
            relation: expect.stringMatching(/^https:\/\/developers\.digitalriver\.com\//),
            code: 'invalid_client',
            description: 'Invalid API key',
          },
        ],
      },
    });
  });

  it('answers 404 for a site it does not serve, so the script tag fails to load', async () => {
    const emulator = await start({ siteId: 'otherSite' });
    expect((await sessionTokenAction(emulator)).status).toBe(404);
    const elsewhere = await fetch(`${emulator.storeOrigin}/store/otherSite/Cart`);
    expect(elsewhere.status).toBe(404);
  });

  it('refuses a callback name that could smuggle script into the answer', async () => {
    const emulator = await start();
    for (const name of ['alert(1)//', '1up', '', 'a'.repeat(65), 'a-b', 'x;y']) {
      const res = await sessionTokenAction(
        emulator,
        `format=json&callback=${encodeURIComponent(name)}`,
      );
      expect(res.status, name).toBe(400);
    }
    expect((await sessionTokenAction(emulator, 'callback=jQuery.cb_1$')).status).toBe(200);
  });

  it('keeps the shopper, and the cart, for a browser that sends the store cookie back', async () => {
    const emulator = await start();
    const first = await sessionTokenAction(emulator);
    const cookie = first.headers.get('set-cookie')?.split(';')[0] ?? '';
    const token = await exchange(emulator, (await jsonpValue(first)).session_token as string);
    await addToCart(emulator, token.access_token, mug?.id ?? '');

    const again = await sessionTokenAction(emulator, undefined, { headers: { cookie } });
    expect(again.headers.get('set-cookie')).toBeNull();
    const same = await exchange(emulator, (await jsonpValue(again)).session_token as string);
    expect((await cartOf(emulator, same.access_token)).totalItemsInCart).toBe(1);

    // Cross-site script loads usually come without the cookie: a new, empty shopper, still working.
    const stranger = await newShopper(emulator);
    expect((await cartOf(emulator, stranger.access_token)).totalItemsInCart).toBe(0);
  });

  it('counts every store request that carries an Authorization header', async () => {
    const emulator = await start();
    await sessionTokenAction(emulator, undefined, { headers: { authorization: 'bearer abc' } });
    await sessionTokenAction(emulator);
    expect(emulator.counters.storeRequestsWithAuth).toBe(1);
  });
});

describe('the token endpoint', () => {
  it('exchanges a session token for a wrapped, opaque token with the configured lifetime', async () => {
    const emulator = await start({ accessTokenLifetimeSeconds: 3599 });

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
    const emulator = await start({ sessionTokenReuse: false });
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
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start({ apiKeys: 'any' });
    const grant = async () => ({
      grant_type: 'password',
      dr_session_token: await sessionToken(emulator),
    });
    const realKey = `Basic ${Buffer.from('their-production-key:').toString('base64')}`;
    expect((await tokenRequest(emulator, await grant(), undefined, realKey)).status).toBe(200);
    expect((await tokenRequest(emulator, await grant(), undefined, null)).status).toBe(401);
  });

  it('with requireClientId off, exchanges for an unidentified client', async () => {
    const emulator = await start({ requireClientId: false });
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
    const emulator = await start();
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

describe('the Shopper API cart', () => {
  it('refuses a call without a valid bearer token with 401 invalid_token', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);
    const attempts = [
      shopperCall(emulator, undefined, CART),
      shopperCall(emulator, 'f'.repeat(64), CART),
      shopperCall(emulator, undefined, CART, { headers: { authorization: access_token } }),
      shopperCall(emulator, undefined, `${CART}?token=${'f'.repeat(64)}`),
    ];

    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
      expect(await res.json()).toEqual(invalidToken('Session expired'));
    }
    expect(emulator.counters).toMatchObject({ cartCalls: 4, unauthorized: 4 });
  });

  it('takes the access token as a token query parameter, as the JSONP-era samples sent it', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);
    const res = await shopperCall(emulator, undefined, `${CART}?token=${access_token}&format=json`);
    expect(res.status).toBe(200);
    expect(emulator.requestLog.at(-1)?.path).toBe(`${CART}?token=[redacted]&format=json`);
  });

  it('answers an add-to-cart with the cart priced from the shared catalog', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);

    const res = await addToCart(emulator, access_token, mug?.id ?? '', 2);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { cart } = await res.json();
    expect(cart).toMatchObject({
      id: 'active',
      totalItemsInCart: 2,
      lineItems: {
        lineItem: [
          {
            id: expect.stringMatching(/^\d+$/),
            quantity: 2,
            product: { id: mug?.id, name: mug?.name, displayName: mug?.name },
            pricing: {
              salePrice: { currency: 'USD', value: 22 },
              formattedSalePrice: '$22.00',
              salePriceWithQuantity: { currency: 'USD', value: 44 },
              formattedSalePriceWithQuantity: '$44.00',
            },
          },
        ],
      },
      pricing: {
        subtotal: { currency: 'USD', value: 44 },
        formattedSubtotal: '$44.00',
        orderTotal: { currency: 'USD', value: 44 },
        formattedOrderTotal: '$44.00',
      },
    });
    expect(emulator.counters.cartCalls).toBe(1);
  });

  it('lets the shopper change quantities, remove a line and clear the cart', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);
    await addToCart(emulator, access_token, mug?.id ?? '');
    const added = (await (await addToCart(emulator, access_token, candle?.id ?? '')).json()).cart;
    const [mugLine, candleLine] = added.lineItems.lineItem;
    const call = (path: string, method = 'GET') =>
      shopperCall(emulator, access_token, `${CART}/${path}`, { method }).then((r) => r.json());

    const three = await call(`line-items/${mugLine.id}?quantity=3&format=json`, 'POST');
    expect(three.cart.pricing.formattedSubtotal).toBe('$94.00');
    expect((await call(`line-items/${mugLine.id}`)).lineItem.quantity).toBe(3);
    const removed = await call(`line-items/${candleLine.id}`, 'DELETE');
    expect(removed.cart.lineItems.lineItem).toHaveLength(1);
    expect((await call('line-items')).lineItems.lineItem).toHaveLength(1);
    const cleared = await call('line-items', 'DELETE');
    expect(cleared.cart).toMatchObject({ totalItemsInCart: 0, lineItems: { lineItem: [] } });

    const gone = await shopperCall(emulator, access_token, `${CART}/line-items/${mugLine.id}`);
    expect(gone.status).toBe(404);
    const unknown = await addToCart(emulator, access_token, 'no-such-product');
    expect(unknown.status).toBe(404);
    const zero = await addToCart(emulator, access_token, mug?.id ?? '', 0);
    expect(zero.status).toBe(400);
  });

  it('takes the scheme in any case and adds through POST carts/active too', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);
    const res = await shopperCall(emulator, undefined, `${CART}?productId=${mug?.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).cart.totalItemsInCart).toBe(1);
  });

  it('keeps each shopper their own cart', async () => {
    const emulator = await start();
    const alice = await newShopper(emulator);
    const bob = await newShopper(emulator);
    await addToCart(emulator, alice.access_token, mug?.id ?? '');
    expect((await cartOf(emulator, bob.access_token)).totalItemsInCart).toBe(0);
  });

  it('takes addresses and a shipping option, then submits the cart as an order', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);
    await addToCart(emulator, access_token, mug?.id ?? '');
    const send = (path: string, method: string, body?: unknown) =>
      shopperCall(emulator, access_token, `${CART}/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const shipTo = await send('shipping-address', 'PUT', { address: { country: 'us', city: 'A' } });
    expect((await shipTo.json()).cart.shippingAddress).toEqual({ country: 'US', city: 'A' });
    const billTo = await send('billing-address', 'PUT', { address: { country: 'US' } });
    expect((await billTo.json()).cart.billingAddress).toEqual({ country: 'US' });
    expect((await send('billing-address', 'PUT', { address: { country: 'USA' } })).status).toBe(
      400,
    );
    expect((await send('apply-shipping-option?shippingOptionId=mule', 'POST')).status).toBe(400);
    const shipped = await send('apply-shipping-option?shippingOptionId=express', 'POST');
    expect((await shipped.json()).cart.pricing).toMatchObject({
      formattedShippingAndHandling: '$14.99',
      formattedOrderTotal: '$36.99',
    });

    const submitted = await send('submit-cart', 'POST');
    expect(await submitted.json()).toMatchObject({
      submitCart: {
        order: { orderState: 'Submitted', pricing: { formattedOrderTotal: '$36.99' } },
      },
    });
    expect((await cartOf(emulator, access_token)).totalItemsInCart).toBe(0);
    expect((await send('submit-cart', 'POST')).status).toBe(400);
  });

  it('answers an unknown route with a 404 in the error shape', async () => {
    const emulator = await start();
    const { access_token } = await newShopper(emulator);
    const res = await shopperCall(emulator, access_token, '/v1/shoppers/me/orders');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: { error: [{ code: 'resource-not-found' }] } });
  });
});

describe('token expiry and revocation', () => {
  it('refuses an access token past its lifetime, and a refresh brings the cart back', async () => {
    const emulator = await start();
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
    const emulator = await start();
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
    const emulator = await start();
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

describe('CORS', () => {
  it('answers a preflight with the public methods and headers, the origin mirrored, and a max age', async () => {
    const emulator = await start();
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

describe('test controls', () => {
  it('hides the test routes and the echo route unless test controls are on', async () => {
    const emulator = await start();
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
    const emulator = await start({ testControls: true });
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
    const emulator = await start({ testControls: true });
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

describe('the request log', () => {
  it('records requests on both origins but never a token', async () => {
    const emulator = await start({ testControls: true });
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

describe('abandoned requests', () => {
  it('counts a request whose client gave up before the answer', async () => {
    const emulator = await start();
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
