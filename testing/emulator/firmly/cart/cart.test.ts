import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../../catalog.js';
import { addToCart, cartCall } from '../firmlyCartCalls.fixtures.js';
import { DOMAIN } from '../firmlyConstants.fixtures.js';
import type { FirmlyEmulator } from '../firmlyEmulator.js';
import { newSession, withSession } from '../firmlySessions.fixtures.js';
import { startFirmly } from '../startFirmly.fixtures.js';

vi.mock('jose', async (actual) => (await import('../oneKeyPair.fixtures.js')).oneKeyPair(actual));

const [mug, candle] = catalog;

/** Clears the cart at `cartPath` (v1 or v2 alike) and checks it is left empty. */
async function expectClearedCart(emulator: FirmlyEmulator, token: string, cartPath: string) {
  const cleared = await cartCall(emulator, token, `${cartPath}/line-items`, { method: 'DELETE' });
  expect((await cleared.json()).line_items).toEqual([]);
}

describe('shopping with a token', () => {
  it('answers an add-to-cart with the cart holding the line and money objects', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());

    const res = await addToCart(emulator, access_token, mug?.id ?? '', 2);

    expect(res.status).toBe(200);
    const cart = await res.json();
    expect(cart).toMatchObject({
      display_name: 'Luma',
      cart_status: 'active',
      shipping_info: null,
      promo_codes: [],
      line_items: [
        {
          sku: mug?.id,
          quantity: 2,
          description: mug?.name,
          price: { currency: 'USD', value: 22, symbol: '$', number: 2200 },
          line_price: { currency: 'USD', value: 44, symbol: '$', number: 4400 },
        },
      ],
      sub_total: { number: 4400 },
      shipping_total: { number: 0 },
      tax: { number: 0 },
      total: { currency: 'USD', value: 44, symbol: '$', number: 4400 },
    });
    expect(typeof cart.cart_id).toBe('string');
    expect(emulator.counters.cartCalls).toBe(1);
  });

  it('lets the shopper change quantities, remove a line and clear the cart', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());
    const base = `/api/v2/domains/${DOMAIN}/cart`;
    await addToCart(emulator, access_token, mug?.id ?? '');
    const added = await (await addToCart(emulator, access_token, candle?.id ?? '')).json();
    const [mugLine, candleLine] = added.line_items;
    const put = (id: string, quantity: number) =>
      cartCall(emulator, access_token, `${base}/line-items/${id}`, {
        method: 'PUT',
        body: JSON.stringify({ quantity }),
      }).then((res) => res.json());

    expect((await put(mugLine.line_item_id, 3)).line_items[0].line_price.number).toBe(6600);
    expect((await put(candleLine.line_item_id, 0)).line_items).toHaveLength(1);
    await expectClearedCart(emulator, access_token, base);
  });

  it('keeps each device its own cart and lists the domains with items', async () => {
    const emulator = await startFirmly();
    const alice = await newSession(emulator);
    const bob = await newSession(emulator);
    await addToCart(emulator, alice.access_token, mug?.id ?? '');

    const bobCart = await cartCall(emulator, bob.access_token, `/api/v2/domains/${DOMAIN}/cart`);
    expect((await bobCart.json()).line_items).toEqual([]);
    const domains = await cartCall(emulator, alice.access_token, '/api/v2/carts/active-domains');
    expect(await domains.json()).toEqual({ domains: [DOMAIN] });
    const active = await cartCall(emulator, alice.access_token, '/api/v2/carts/active');
    const { domains: activeDomains, carts } = await active.json();
    expect(activeDomains).toEqual([DOMAIN]);
    expect(carts).toEqual([
      expect.objectContaining({ line_items: [expect.objectContaining({ sku: mug?.id })] }),
    ]);
    const none = await cartCall(emulator, bob.access_token, '/api/v2/carts/active');
    expect(await none.json()).toEqual({ domains: [], carts: [] });
  });

  it('serves the v1 simple cart on the same cart', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());
    const v1 = `/api/v1/domains/${DOMAIN}/cart`;

    const added = await cartCall(emulator, access_token, `${v1}/line-items/${mug?.id}/quantity/2`, {
      method: 'POST',
    });
    expect((await added.json()).line_items[0]).toMatchObject({ sku: mug?.id, quantity: 2 });
    const set = await cartCall(emulator, access_token, `${v1}/line-items/${mug?.id}`, {
      method: 'PUT',
      body: JSON.stringify({ quantity: 5 }),
    });
    expect((await set.json()).line_items[0].quantity).toBe(5);
    const v2 = await (
      await cartCall(emulator, access_token, `/api/v2/domains/${DOMAIN}/cart`)
    ).json();
    expect(v2.line_items[0].quantity).toBe(5);
    const v1Cart = await (await cartCall(emulator, access_token, v1)).json();
    expect(v1Cart.line_items).toEqual(v2.line_items);
    await expectClearedCart(emulator, access_token, v1);
  });

  it('sets a SKU by quantity on v1: a new SKU opens a line, 0 removes it', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());
    const v1 = `/api/v1/domains/${DOMAIN}/cart`;
    const put = (sku: string | undefined, quantity: number) =>
      cartCall(emulator, access_token, `${v1}/line-items/${sku}`, {
        method: 'PUT',
        body: JSON.stringify({ quantity }),
      });

    const opened = await (await put(candle?.id, 2)).json();
    expect(opened.line_items).toEqual([expect.objectContaining({ sku: candle?.id, quantity: 2 })]);
    expect((await (await put(candle?.id, 0)).json()).line_items).toEqual([]);
    expect((await (await put(mug?.id, 0)).json()).line_items).toEqual([]);
    const unknown = await put('no-such-sku', 1);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'ErrorVariantNotFound' });
    const bad = await put(mug?.id, -1);
    expect(await bad.json()).toMatchObject({ code: 400, error: 'ErrorInvalidInputBody' });
  });

  it('processes two calls sent together, each atomically', async () => {
    const { emulator, access_token } = await withSession(await startFirmly());
    const v1 = `/api/v1/domains/${DOMAIN}/cart`;
    const add = (sku: string | undefined) =>
      cartCall(emulator, access_token, `${v1}/line-items/${sku}/quantity/1`, { method: 'POST' });
    const both = await Promise.all([add(mug?.id), add(candle?.id)]);
    expect(both.map((res) => res.status)).toEqual([200, 200]);
    expect((await (await cartCall(emulator, access_token, v1)).json()).line_items).toHaveLength(2);
  });
});
