import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog.js';
import { API_KEY, CART, HEX_64 } from './digitalRiverConstants.fixtures.js';
import { jsonpValue, sessionTokenAction } from './sessionTokens.fixtures.js';
import { addToCart, cartOf, shopperCall } from './shopperCalls.fixtures.js';
import { startDigitalRiver } from './startDigitalRiver.fixtures.js';
import { exchange, newShopper } from './tokenGrants.fixtures.js';
import { unwrapJsonp } from './unwrapJsonp.fixtures.js';

const [mug] = catalog;

describe('the SessionToken site action', () => {
  it('hands a page without an API key a session token through its callback, and a store cookie', async () => {
    const emulator = await startDigitalRiver();

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
    const emulator = await startDigitalRiver();
    const res = await sessionTokenAction(emulator, 'format=json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ session_token: expect.stringMatching(/^[0-9A-F]{32}$/) });
  });

  it('hands a page with a valid API key a flat token at once, expires_in as a string', async () => {
    const emulator = await startDigitalRiver();

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
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver({ siteId: 'otherSite' });
    expect((await sessionTokenAction(emulator)).status).toBe(404);
    const elsewhere = await fetch(`${emulator.storeOrigin}/store/otherSite/Cart`);
    expect(elsewhere.status).toBe(404);
  });

  it('refuses a callback name that could smuggle script into the answer', async () => {
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver();
    await sessionTokenAction(emulator, undefined, { headers: { authorization: 'bearer abc' } });
    await sessionTokenAction(emulator);
    expect(emulator.counters.storeRequestsWithAuth).toBe(1);
  });
});
