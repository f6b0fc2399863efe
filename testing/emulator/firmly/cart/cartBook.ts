import { randomUUID } from 'node:crypto';
import { type CatalogProduct, catalog } from '../../catalog.js';
import { FirmlyApiError } from '../FirmlyApiError.js';
import { type Money, money } from './money.js';
import { shippingCountry } from './shippingCountry.js';

/** One line of a cart, as the API answers it. */
export interface CartLineItem {
  line_item_id: string;
  sku: string;
  quantity: number;
  description: string;
  price: Money;
  line_price: Money;
}

/** Where the order ships: `country` as an ISO 3166-1 alpha-2 code, other fields as sent. */
export type ShippingInfo = { country: string } & Record<string, string>;

/**
 * A cart in the shape Firmly documents, plus `promo_codes`, so a test can see a code was taken.
 * Prices are the catalog's, flat: shipping and tax are always zero and a promo code takes nothing
 * off (decision 020).
 */
export interface Cart {
  cart_id: string;
  /** The store's name. */
  display_name: string;
  line_items: CartLineItem[];
  sub_total: Money;
  shipping_total: Money;
  tax: Money;
  total: Money;
  shipping_info: ShippingInfo | null;
  promo_codes: string[];
  cart_status: 'active';
}

/** Every cart of every device, kept in memory for the emulator's lifetime. */
export interface CartBook {
  /** @returns the device's cart for a domain, created empty on first sight */
  view(deviceId: string, domain: string): Cart;
  /** Adds to the line holding `variantId`, or opens one. @throws FirmlyApiError for an unknown variant */
  addVariant(deviceId: string, domain: string, variantId: string, quantity: number): Cart;
  /** Sets a line's quantity; 0 removes it. @throws FirmlyApiError for an unknown line */
  setLineQuantity(deviceId: string, domain: string, lineItemId: string, quantity: number): Cart;
  /** Sets the quantity of a SKU, opening a line if needed; 0 removes it (the v1 API's view). */
  setSkuQuantity(deviceId: string, domain: string, sku: string, quantity: number): Cart;
  /** Removes every line but keeps shipping info and promo codes. */
  clear(deviceId: string, domain: string): Cart;
  /** Sets where the order ships. @throws FirmlyApiError `ErrorCountryNotSupported` */
  setShippingInfo(deviceId: string, domain: string, info: ShippingInfo): Cart;
  /** Replaces the promo codes (`[]` removes them all). @throws FirmlyApiError `ErrorInvalidPromoCode` */
  setPromoCodes(deviceId: string, domain: string, codes: string[]): Cart;
  /** @returns the device's carts that hold at least one line, and their domains, in the same order */
  active(deviceId: string): { domains: string[]; carts: Cart[] };
}

interface StoredCart {
  id: string;
  deviceId: string;
  domain: string;
  lines: StoredLine[];
  shippingInfo: ShippingInfo | null;
  promoCodes: string[];
}

interface StoredLine {
  id: string;
  product: CatalogProduct;
  quantity: number;
}

/** The one code the emulator accepts; any other is refused, as a bad code is. */
export const PROMO_CODE = 'WELCOME';

/**
 * A store name for a domain: its main label, capitalised (`staging.luma.gift` → `Luma`), so
 * `display_name` reads like a name and not a host.
 */
function storeName(domain: string): string {
  const labels = domain.split('.');
  const main = labels.length > 1 ? (labels[labels.length - 2] ?? domain) : domain;
  return main.charAt(0).toUpperCase() + main.slice(1);
}

function toCart(stored: StoredCart): Cart {
  const subTotal = stored.lines.reduce((sum, l) => sum + l.product.priceCents * l.quantity, 0);
  return {
    cart_id: stored.id,
    display_name: storeName(stored.domain),
    line_items: stored.lines.map((line) => ({
      line_item_id: line.id,
      sku: line.product.id,
      quantity: line.quantity,
      description: line.product.name,
      price: money(line.product.priceCents),
      line_price: money(line.product.priceCents * line.quantity),
    })),
    sub_total: money(subTotal),
    shipping_total: money(0),
    tax: money(0),
    total: money(subTotal),
    shipping_info: stored.shippingInfo ? { ...stored.shippingInfo } : null,
    promo_codes: [...stored.promoCodes],
    cart_status: 'active',
  };
}

/**
 * Creates an empty cart book. Carts are keyed by device and domain, as Firmly keys them, so a
 * renewed token (same device) keeps its cart and a fresh device starts empty.
 *
 * @returns a new, empty book
 */
export function createCartBook(): CartBook {
  const carts = new Map<string, StoredCart>();

  function cartOf(deviceId: string, domain: string): StoredCart {
    const key = `${deviceId} ${domain}`;
    let cart = carts.get(key);
    if (!cart) {
      cart = { id: randomUUID(), deviceId, domain, lines: [], shippingInfo: null, promoCodes: [] };
      carts.set(key, cart);
    }
    return cart;
  }

  function findLine(cart: StoredCart, lineItemId: string): StoredLine {
    const line = cart.lines.find((l) => l.id === lineItemId);
    if (!line) {
      throw new FirmlyApiError(404, 'ErrorLineItemNotFound', `Line item ${lineItemId} not found.`);
    }
    return line;
  }

  function setQuantity(cart: StoredCart, line: StoredLine, quantity: number): Cart {
    if (quantity === 0) cart.lines = cart.lines.filter((l) => l !== line);
    else line.quantity = quantity;
    return toCart(cart);
  }

  function addVariant(deviceId: string, domain: string, variantId: string, quantity: number) {
    const product = catalog.find((p) => p.id === variantId);
    if (!product) {
      throw new FirmlyApiError(404, 'ErrorVariantNotFound', `Variant ${variantId} not found.`);
    }
    const cart = cartOf(deviceId, domain);
    const line = cart.lines.find((l) => l.product === product);
    if (line) line.quantity += quantity;
    else cart.lines.push({ id: randomUUID(), product, quantity });
    return toCart(cart);
  }

  return {
    view: (deviceId, domain) => toCart(cartOf(deviceId, domain)),

    addVariant,

    setLineQuantity(deviceId, domain, lineItemId, quantity) {
      const cart = cartOf(deviceId, domain);
      return setQuantity(cart, findLine(cart, lineItemId), quantity);
    },

    setSkuQuantity(deviceId, domain, sku, quantity) {
      const cart = cartOf(deviceId, domain);
      const line = cart.lines.find((l) => l.product.id === sku);
      if (line) return setQuantity(cart, line, quantity);
      return quantity === 0 ? toCart(cart) : addVariant(deviceId, domain, sku, quantity);
    },

    clear(deviceId, domain) {
      const cart = cartOf(deviceId, domain);
      cart.lines = [];
      return toCart(cart);
    },

    setShippingInfo(deviceId, domain, info) {
      const country = shippingCountry(info.country);
      if (!country) {
        throw new FirmlyApiError(
          400,
          'ErrorCountryNotSupported',
          `Shipping to ${info.country} is not supported.`,
        );
      }
      const cart = cartOf(deviceId, domain);
      cart.shippingInfo = { ...info, country };
      return toCart(cart);
    },

    setPromoCodes(deviceId, domain, codes) {
      const normalized = codes.map((code) => code.trim().toUpperCase());
      const bad = normalized.find((code) => code !== PROMO_CODE);
      if (bad !== undefined) {
        throw new FirmlyApiError(422, 'ErrorInvalidPromoCode', `Promo code ${bad} is not valid.`);
      }
      const cart = cartOf(deviceId, domain);
      cart.promoCodes = [...new Set(normalized)];
      return toCart(cart);
    },

    active(deviceId) {
      const held = [...carts.values()].filter(
        (cart) => cart.deviceId === deviceId && cart.lines.length > 0,
      );
      return { domains: held.map((cart) => cart.domain), carts: held.map(toCart) };
    },
  };
}
