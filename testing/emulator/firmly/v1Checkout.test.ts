import { generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { catalog } from '../catalog.js';
import { startPerTest } from '../startPerTest.js';
import { type FirmlyEmulatorOptions, startFirmlyEmulator } from './firmlyEmulator.js';

// Nothing here compares two emulators' signatures, so every emulator shares one RSA key pair.
vi.mock('jose', async (importOriginal) =>
  (await import('./joseWithOneKeyPair.fixtures.js')).joseWithOneKeyPair(importOriginal),
);

// The prime search happens once, here, and not inside the first story's time limit.
beforeAll(() => generateKeyPair('RS256'), 30_000);

const DOMAIN = 'staging.luma.gift';
const V1 = `/api/v1/domains/${DOMAIN}/cart`;
const [mug, candle] = catalog;
const MUG = mug?.id ?? '';
const CANDLE = candle?.id ?? '';

const start = startPerTest(startFirmlyEmulator);

/** A shopper on Firmly's own browser client: a fresh device, and the calls that client makes. */
async function shopper(options: FirmlyEmulatorOptions = {}) {
  const emulator = await start(options);
  const session = await fetch(`${emulator.origin}/api/v1/browser-session`, {
    method: 'POST',
    headers: { 'x-firmly-app-id': 'demo-app' },
  });
  const { access_token } = (await session.json()) as { access_token: string };
  const call = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${emulator.origin}${path}`, {
      method,
      headers: { 'x-firmly-authorization': access_token, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async (path: string, method = 'GET', body?: unknown) => {
    const res = await call(path, method, body);
    expect(res.status).toBe(200);
    return res.json();
  };
  return { emulator, call, json };
}

const ADDRESS = {
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  address1: '12 Analytical Way',
  city: 'Portland',
  state_or_province: 'OR',
  postal_code: '97201',
  phone: '5035550100',
};

describe("Firmly's own checkout flow on v1", () => {
  it('adds with variant handles, ships to "United States", picks express, applies and removes a promo code, then orders', async () => {
    const { json } = await shopper();

    const added = await json(`${V1}/line-items/${MUG}/quantity/2?flush_cart=false`, 'POST', {
      variant_handles: ['color-teal'],
    });
    expect(added.line_items[0]).toMatchObject({
      sku: MUG,
      quantity: 2,
      variant_handles: ['color-teal'],
    });
    expect(added).toMatchObject({ shop_id: DOMAIN, platform_id: 'emulator', display_name: 'Luma' });
    expect(added.shipping_method_options).toEqual([]);

    const shipped = await json(`${V1}/shipping-info`, 'POST', {
      ...ADDRESS,
      country: 'United States',
    });
    expect(shipped.shipping_info).toMatchObject({ country: 'US', city: 'Portland' });
    expect(shipped.shipping_method_options.map((o: { sku: string }) => o.sku)).toEqual([
      'standard',
      'express',
    ]);
    expect(shipped.shipping_method.sku).toBe('standard');

    const express = await json(`${V1}/shipping-method`, 'POST', { shipping_method: 'express' });
    expect(express.shipping_method.sku).toBe('express');
    expect(express.shipping_total.number).toBe(shipped.shipping_method_options[1].price.number);

    const promo = await json(`${V1}/promo-codes`, 'POST', { promo_codes: ['save10'] });
    expect(promo.promo_codes).toEqual(['SAVE10']);
    expect(promo.discount_total.number).toBe(440);
    const removed = await json(`${V1}/promo-codes`, 'DELETE');
    expect(removed.promo_codes).toEqual([]);
    expect(removed.discount_total.number).toBe(0);

    const order = await json(`${V1}/complete-order`, 'POST', {
      payment_token: { id: 'tok_visa' },
      vault_token: true,
    });
    expect(order).toMatchObject({ cart_status: 'submitted', total: removed.total });
    expect(order.urls.thank_you_page).toMatch(
      new RegExp(`^https://${DOMAIN}/.+${order.order_id}$`),
    );
    expect((await json(V1)).line_items).toEqual([]);
  });

  it('accepts the country as an ISO code too, and refuses one it does not ship to', async () => {
    const { call, json } = await shopper();
    const iso = await json(`${V1}/shipping-info`, 'POST', { ...ADDRESS, country: 'ca' });
    expect(iso.shipping_info.country).toBe('CA');
    for (const country of ['Narnia', 'XM']) {
      const res = await call(`${V1}/shipping-info`, 'POST', { ...ADDRESS, country });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'ErrorCountryNotSupported' });
    }
    const missing = await call(`${V1}/shipping-info`, 'POST', ADDRESS);
    expect(await missing.json()).toMatchObject({ code: 400, error: 'ErrorInvalidInputBody' });
  });

  it('refuses a shipping method before an address, or one not offered', async () => {
    const { call } = await shopper();
    const early = await call(`${V1}/shipping-method`, 'POST', { shipping_method: 'standard' });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ error: 'ErrorInvalidShippingMethod' });
    await call(`${V1}/shipping-info`, 'POST', { ...ADDRESS, country: 'US' });
    const unknown = await call(`${V1}/shipping-method`, 'POST', { shipping_method: 'drone' });
    expect(unknown.status).toBe(400);
  });

  it('refuses to complete an order without lines, shipping info or a payment token', async () => {
    const { call } = await shopper();
    const empty = await call(`${V1}/complete-order`, 'POST', { payment_token: { id: 'tok' } });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'ErrorCartNotReady' });
    await call(`${V1}/line-items/${MUG}/quantity/1`, 'POST');
    await call(`${V1}/shipping-info`, 'POST', { ...ADDRESS, country: 'US' });
    const unpaid = await call(`${V1}/complete-order`, 'POST', {});
    expect(await unpaid.json()).toMatchObject({ error: 'ErrorInvalidInputBody' });
  });

  it('flushes the cart before an add when asked, and keeps handles on a quantity update', async () => {
    const { json } = await shopper();
    await json(`${V1}/line-items/${MUG}/quantity/1`, 'POST');
    const flushed = await json(`${V1}/line-items/${CANDLE}/quantity/1?flush_cart=true`, 'POST', {
      variant_handles: [],
    });
    expect(flushed.line_items.map((line: { sku: string }) => line.sku)).toEqual([CANDLE]);
    const updated = await json(`${V1}/line-items/${CANDLE}`, 'PUT', {
      quantity: 3,
      variant_handles: ['scent-fig'],
    });
    expect(updated.line_items[0]).toMatchObject({ quantity: 3, variant_handles: ['scent-fig'] });
  });

  it('saves consents as sent and answers them back', async () => {
    const { json } = await shopper();
    expect(await json(`${V1}/consents`)).toEqual({});
    const consents = { marketing_email: true, terms: { accepted: true, version: '2025-01' } };
    expect(await json(`${V1}/consents`, 'POST', consents)).toEqual(consents);
    expect(await json(`${V1}/consents`)).toEqual(consents);
  });

  it('lists active carts on v1 as {carts}, leaving out the shops named in excludes', async () => {
    const { json } = await shopper();
    await json(`${V1}/line-items/${MUG}/quantity/1`, 'POST');
    await json(`/api/v1/domains/tea.example/cart/line-items/${CANDLE}/quantity/1`, 'POST');

    const all = await json('/api/v1/carts/active');
    expect(all.carts.map((cart: { shop_id: string }) => cart.shop_id).sort()).toEqual([
      DOMAIN,
      'tea.example',
    ]);
    const some = await json(`/api/v1/carts/active?excludes=${DOMAIN}`);
    expect(some).toEqual({ carts: [expect.objectContaining({ shop_id: 'tea.example' })] });
  });

  it('names a shop and its platform as configured', async () => {
    const { json } = await shopper({
      shops: { [DOMAIN]: { displayName: 'Luma Gifts', platformId: 'shopify' } },
    });
    expect(await json(V1)).toMatchObject({ display_name: 'Luma Gifts', platform_id: 'shopify' });
  });
});

describe('the serialised backend (opt-in)', () => {
  it('by default processes two calls sent together, each atomically', async () => {
    const { call } = await shopper();
    const both = await Promise.all([
      call(`${V1}/line-items/${MUG}/quantity/1`, 'POST'),
      call(`${V1}/line-items/${CANDLE}/quantity/1`, 'POST'),
    ]);
    expect(both.map((res) => res.status)).toEqual([200, 200]);
  });

  it('answers 409 to a call that overlaps one still being processed for the same device', async () => {
    const { emulator, call, json } = await shopper({
      serialisedBackend: { overlap: 'reject', processingMs: 1000 },
    });
    const first = call(`${V1}/line-items/${MUG}/quantity/1`, 'POST');
    await vi.waitFor(() => expect(emulator.counters.cartCalls).toBe(1));

    const second = await call(`${V1}/line-items/${CANDLE}/quantity/1`, 'POST');

    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      code: 409,
      error: 'ErrorConcurrentRequest',
      description: 'Another request for this cart is still being processed.',
    });
    expect((await first).status).toBe(200);
    expect(emulator.counters.overlapping).toBe(1);
    expect((await json(V1)).line_items.map((line: { sku: string }) => line.sku)).toEqual([MUG]);
  });

  it('queues overlapping calls and answers them one at a time, in arrival order', async () => {
    const { emulator, call } = await shopper({
      serialisedBackend: { overlap: 'queue', processingMs: 300 },
    });
    const first = call(`${V1}/line-items/${MUG}/quantity/1`, 'POST');
    await vi.waitFor(() => expect(emulator.counters.cartCalls).toBe(1));
    const second = call(`${V1}/line-items/${CANDLE}/quantity/1`, 'POST');

    const [a, b] = await Promise.all([first, second]);
    const carts = [await a.json(), await b.json()];
    expect(carts.map((cart) => cart.line_items.length)).toEqual([1, 2]);
    expect(emulator.counters.overlapping).toBe(1);
  });

  it('refuses a malformed mode at start', async () => {
    await expect(
      startFirmlyEmulator({ serialisedBackend: { overlap: 'sometimes' as never } }),
    ).rejects.toThrow(TypeError);
  });
});
