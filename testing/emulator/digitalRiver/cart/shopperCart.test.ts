import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog.js';
import { CART, SHOP_ORIGIN } from '../digitalRiverConstants.fixtures.js';
import { addToCart, cartOf, invalidToken, shopperCall } from '../shopperCalls.fixtures.js';
import { startDigitalRiver } from '../startDigitalRiver.fixtures.js';
import { newShopper } from '../tokenGrants.fixtures.js';

const [mug, candle] = catalog;

describe('the Shopper API cart', () => {
  it('refuses a call without a valid bearer token with 401 invalid_token', async () => {
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver();
    const { access_token } = await newShopper(emulator);
    const res = await shopperCall(emulator, undefined, `${CART}?token=${access_token}&format=json`);
    expect(res.status).toBe(200);
    expect(emulator.requestLog.at(-1)?.path).toBe(`${CART}?token=[redacted]&format=json`);
  });

  it('answers an add-to-cart with the cart priced from the shared catalog', async () => {
    const emulator = await startDigitalRiver();
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
    const emulator = await startDigitalRiver();
    const { access_token } = await newShopper(emulator);
    await addToCart(emulator, access_token, mug?.id ?? '');
    const added = (await (await addToCart(emulator, access_token, candle?.id ?? '')).json()).cart;
    const [mugLine, candleLine] = added.lineItems.lineItem;
    const call = (path: string, method = 'GET') =>
      shopperCall(emulator, access_token, `${CART}/${path}`, { method }).then((r) => r.json());

    const three = await call(`line-items/${mugLine.id}?quantity=3&format=json`, 'POST');
    expect(three.cart.pricing.formattedSubtotal).toBe('$94.00');
    expect(three.cart.lineItems.lineItem[0].quantity).toBe(3);
    expect((await call(`line-items/${mugLine.id}`)).lineItem.quantity).toBe(3);
    const removed = await call(`line-items/${candleLine.id}`, 'DELETE');
    expect(removed.cart.lineItems.lineItem).toHaveLength(1);
    expect((await call('line-items')).lineItems.lineItem).toHaveLength(1);
    expect((await cartOf(emulator, access_token)).lineItems.lineItem).toHaveLength(1);
    const cleared = await call('line-items', 'DELETE');
    expect(cleared.cart).toMatchObject({ totalItemsInCart: 0, lineItems: { lineItem: [] } });

    const gone = await shopperCall(
      emulator,
      access_token,
      `${CART}/line-items/${mugLine.id}?quantity=1`,
      { method: 'POST' },
    );
    expect(gone.status).toBe(404);
    const unread = await shopperCall(emulator, access_token, `${CART}/line-items/${mugLine.id}`);
    expect(unread.status).toBe(404);
    const unknown = await addToCart(emulator, access_token, 'no-such-product');
    expect(unknown.status).toBe(404);
    const zero = await addToCart(emulator, access_token, mug?.id ?? '', 0);
    expect(zero.status).toBe(400);
  });

  it('takes the scheme in any case', async () => {
    const emulator = await startDigitalRiver();
    const { access_token } = await newShopper(emulator);
    const res = await shopperCall(emulator, undefined, `${CART}/line-items?productId=${mug?.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).cart.totalItemsInCart).toBe(1);
  });

  it('adds through POST carts/active too, and shows the cart when no product is named', async () => {
    const emulator = await startDigitalRiver();
    const { access_token } = await newShopper(emulator);
    const post = (query: string) =>
      shopperCall(emulator, access_token, `${CART}${query}`, { method: 'POST' });

    const added = await post(`?productId=${mug?.id}&quantity=2&format=json`);
    expect(added.status).toBe(200);
    expect((await added.json()).cart.totalItemsInCart).toBe(2);
    expect((await (await post('?format=json')).json()).cart.totalItemsInCart).toBe(2);
    expect((await post(`?productId=${mug?.id}&quantity=0`)).status).toBe(400);
  });

  it('keeps each shopper their own cart', async () => {
    const emulator = await startDigitalRiver();
    const alice = await newShopper(emulator);
    const bob = await newShopper(emulator);
    await addToCart(emulator, alice.access_token, mug?.id ?? '');
    expect((await cartOf(emulator, bob.access_token)).totalItemsInCart).toBe(0);
  });

  it('answers an unknown route with a 404 in the error shape', async () => {
    const emulator = await startDigitalRiver();
    const { access_token } = await newShopper(emulator);
    const res = await shopperCall(emulator, access_token, '/v1/shoppers/me/orders');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: { error: [{ code: 'resource-not-found' }] } });
  });
});
