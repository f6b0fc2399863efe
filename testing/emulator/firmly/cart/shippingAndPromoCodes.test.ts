import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../../catalog.js';
import { addToCart, cartCall } from '../firmlyCartCalls.fixtures.js';
import { CART } from '../firmlyConstants.fixtures.js';
import { withSession } from '../firmlySessions.fixtures.js';
import { startFirmly } from '../startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('../oneKeyPair.fixtures.js')).oneKeyPair(actual));

const [mug] = catalog;

const ADDRESS = {
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  address1: '12 Analytical Way',
  city: 'Portland',
  postal_code: '97201',
};

/** A shopper with a mug in the cart, and a way to send a JSON body to a cart resource. */
async function shopperWithMug() {
  const { emulator, access_token } = await withSession(await startFirmly());
  await addToCart(emulator, access_token, mug?.id ?? '');
  const send = (resource: string, method: string, body: unknown) =>
    cartCall(emulator, access_token, `${CART}/${resource}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { emulator, access_token, send };
}

describe('shipping info on the v2 cart', () => {
  it('takes an address with an ISO alpha-2 country, by POST or PUT, and charges nothing to ship', async () => {
    const { send } = await shopperWithMug();

    const posted = await (
      await send('shipping-info', 'POST', { ...ADDRESS, country: 'US' })
    ).json();
    expect(posted.shipping_info).toEqual({ ...ADDRESS, country: 'US' });
    expect(posted).toMatchObject({ shipping_total: { number: 0 }, tax: { number: 0 } });
    expect(posted.total).toEqual(posted.sub_total);

    const put = await (await send('shipping-info', 'PUT', { ...ADDRESS, country: 'ca' })).json();
    expect(put.shipping_info.country).toBe('CA');
  });

  it('refuses a country it does not ship to with 400 ErrorCountryNotSupported, and no country as a bad body', async () => {
    const { send } = await shopperWithMug();
    for (const country of ['XM', 'United States', 'USA']) {
      const res = await send('shipping-info', 'POST', { ...ADDRESS, country });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 400, error: 'ErrorCountryNotSupported' });
    }
    const missing = await send('shipping-info', 'PUT', ADDRESS);
    expect(await missing.json()).toMatchObject({ code: 400, error: 'ErrorInvalidInputBody' });
  });
});

describe('promo codes on the v2 cart', () => {
  it('takes the one code it knows, in any case, by POST or PUT, and takes nothing off', async () => {
    const { send } = await shopperWithMug();

    const saved = await (await send('promo-codes', 'POST', { promo_codes: ['welcome'] })).json();
    expect(saved.promo_codes).toEqual(['WELCOME']);
    expect(saved.total).toEqual(saved.sub_total);
    const removed = await (await send('promo-codes', 'PUT', { promo_codes: [] })).json();
    expect(removed.promo_codes).toEqual([]);
  });

  it('refuses a bad code with 422 ErrorInvalidPromoCode and keeps the codes it had', async () => {
    const { emulator, access_token, send } = await shopperWithMug();
    await send('promo-codes', 'POST', { promo_codes: ['WELCOME'] });

    const bad = await send('promo-codes', 'PUT', { promo_codes: ['WELCOME', 'FREESTUFF'] });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: 422, error: 'ErrorInvalidPromoCode' });
    const cart = await (await cartCall(emulator, access_token, CART)).json();
    expect(cart.promo_codes).toEqual(['WELCOME']);
    const malformed = await send('promo-codes', 'POST', { promo_codes: 'WELCOME' });
    expect(await malformed.json()).toMatchObject({ code: 400, error: 'ErrorInvalidInputBody' });
  });

  it('keeps shipping info and promo codes when the lines are cleared', async () => {
    const { emulator, access_token, send } = await shopperWithMug();
    await send('shipping-info', 'POST', { ...ADDRESS, country: 'GB' });
    await send('promo-codes', 'POST', { promo_codes: ['WELCOME'] });

    const cleared = await cartCall(emulator, access_token, `${CART}/line-items`, {
      method: 'DELETE',
    });
    expect(await cleared.json()).toMatchObject({
      line_items: [],
      shipping_info: { country: 'GB' },
      promo_codes: ['WELCOME'],
      total: { number: 0 },
    });
  });
});
