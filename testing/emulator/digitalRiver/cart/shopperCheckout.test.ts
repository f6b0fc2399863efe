import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog.js';
import { CART } from '../digitalRiverConstants.fixtures.js';
import { addToCart, cartOf, shopperCall } from '../shopperCalls.fixtures.js';
import { startDigitalRiver } from '../startDigitalRiver.fixtures.js';
import { newShopper } from '../tokenGrants.fixtures.js';

const [mug] = catalog;

/** A shopper with a mug in the cart, and a way to call a cart resource with an optional JSON body. */
async function shopperWithMug() {
  const emulator = await startDigitalRiver();
  const { access_token } = await newShopper(emulator);
  await addToCart(emulator, access_token, mug?.id ?? '');
  const send = (path: string, method: string, body?: unknown) =>
    shopperCall(emulator, access_token, `${CART}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { emulator, access_token, send };
}

describe('checking out the Shopper API cart', () => {
  it('takes a shipping and a billing address, wrapped or bare, the country as ISO alpha-2', async () => {
    const { send } = await shopperWithMug();

    const shipTo = await send('shipping-address', 'PUT', { address: { country: 'us', city: 'A' } });
    expect((await shipTo.json()).cart.shippingAddress).toEqual({ country: 'US', city: 'A' });
    const billTo = await send('billing-address', 'PUT', { country: 'US' });
    expect((await billTo.json()).cart).toMatchObject({
      shippingAddress: { country: 'US', city: 'A' },
      billingAddress: { country: 'US' },
    });
    const usa = await send('billing-address', 'PUT', { address: { country: 'USA' } });
    expect(usa.status).toBe(400);
    expect(await usa.json()).toMatchObject({ errors: { error: [{ code: 'invalid_request' }] } });
    expect((await send('shipping-address', 'PUT', [])).status).toBe(400);
  });

  it('applies a shipping option it offers, free, and refuses one it does not', async () => {
    const { send } = await shopperWithMug();

    expect((await send('apply-shipping-option?shippingOptionId=mule', 'POST')).status).toBe(400);
    expect((await send('apply-shipping-option', 'POST')).status).toBe(400);
    const shipped = (
      await (await send('apply-shipping-option?shippingOptionId=express', 'POST')).json()
    ).cart;
    expect(shipped.shippingOptions.shippingOption.map((o: { id: string }) => o.id)).toEqual([
      'standard',
      'express',
    ]);
    expect(shipped.shippingMethod).toMatchObject({ code: 'express' });
    expect(shipped.pricing).toMatchObject({
      formattedSubtotal: '$22.00',
      formattedOrderTotal: '$22.00',
    });
  });

  it('submits the cart as an order and starts an empty one; an empty cart is refused', async () => {
    const { emulator, access_token, send } = await shopperWithMug();

    const submitted = await send('submit-cart', 'POST');
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({
      submitCart: {
        order: {
          id: expect.stringMatching(/^\d+$/),
          orderState: 'Submitted',
          totalItemsInOrder: 1,
          pricing: { formattedOrderTotal: '$22.00' },
        },
      },
    });
    expect(await cartOf(emulator, access_token)).toMatchObject({
      totalItemsInCart: 0,
      shippingAddress: null,
      shippingMethod: null,
    });
    expect((await send('submit-cart', 'POST')).status).toBe(400);
  });
});
