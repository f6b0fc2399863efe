import { randomUUID } from 'node:crypto';
import { type CatalogProduct, catalog } from '../catalog.js';
import { type Money, money } from '../money.js';
import { FirmlyApiError } from './FirmlyApiError.js';

/** One line of a cart, as the API answers it. */
export interface CartLineItem {
  line_item_id: string;
  sku: string;
  quantity: number;
  description: string;
  price: Money;
  line_price: Money;
}

/** Where the order ships; `country` is ISO 3166-1 alpha-2, other fields are kept as sent. */
export type ShippingInfo = { country: string } & Record<string, string>;

/**
 * A cart in the API's shape. `promo_codes` and `discount_total` go beyond the public field list
 * so a shopper can see why an accepted promo code changed the total.
 */
export interface Cart {
  cart_id: string;
  display_name: string;
  line_items: CartLineItem[];
  sub_total: Money;
  discount_total: Money;
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
  /** Removes every line but keeps shipping and promo codes. */
  clear(deviceId: string, domain: string): Cart;
  /** @throws FirmlyApiError `ErrorCountryNotSupported` */
  setShippingInfo(deviceId: string, domain: string, info: ShippingInfo): Cart;
  /** Replaces the promo codes. @throws FirmlyApiError `ErrorInvalidPromoCode` */
  setPromoCodes(deviceId: string, domain: string, codes: string[]): Cart;
  /** @returns the device's carts that hold at least one line */
  activeCarts(deviceId: string): Cart[];
}

interface StoredLine {
  id: string;
  product: CatalogProduct;
  quantity: number;
}

interface StoredCart {
  id: string;
  deviceId: string;
  domain: string;
  lines: StoredLine[];
  shipping: ShippingInfo | null;
  promoCodes: string[];
}

// Invented rates: the public record says nothing about them, they only have to look plausible.
const COUNTRIES: Readonly<Record<string, { taxRate: number; shippingCents: number }>> = {
  US: { taxRate: 0.08, shippingCents: 599 },
  CA: { taxRate: 0.13, shippingCents: 999 },
  GB: { taxRate: 0.2, shippingCents: 1299 },
  DE: { taxRate: 0.19, shippingCents: 1299 },
  FR: { taxRate: 0.2, shippingCents: 1299 },
  NL: { taxRate: 0.21, shippingCents: 1299 },
  AU: { taxRate: 0.1, shippingCents: 1499 },
};

const PROMO_PERCENT_OFF: Readonly<Record<string, number>> = { SAVE10: 10 };

function findProduct(id: string): CatalogProduct | undefined {
  return catalog.find((product) => product.id === id);
}

function toCart(stored: StoredCart): Cart {
  const subTotal = stored.lines.reduce((sum, l) => sum + l.product.priceCents * l.quantity, 0);
  const percentOff = stored.promoCodes.reduce(
    (sum, code) => sum + (PROMO_PERCENT_OFF[code] ?? 0),
    0,
  );
  const discount = Math.round((subTotal * Math.min(percentOff, 100)) / 100);
  const rates = stored.shipping ? COUNTRIES[stored.shipping.country] : undefined;
  // Shipping an empty cart costs nothing, or clearing the cart would leave a non-zero total.
  const shipping = rates && stored.lines.length > 0 ? rates.shippingCents : 0;
  const tax = rates ? Math.round((subTotal - discount) * rates.taxRate) : 0;
  return {
    cart_id: stored.id,
    display_name: stored.domain,
    line_items: stored.lines.map((line) => ({
      line_item_id: line.id,
      sku: line.product.id,
      quantity: line.quantity,
      description: line.product.name,
      price: money(line.product.priceCents),
      line_price: money(line.product.priceCents * line.quantity),
    })),
    sub_total: money(subTotal),
    discount_total: money(discount),
    shipping_total: money(shipping),
    tax: money(tax),
    total: money(subTotal - discount + shipping + tax),
    shipping_info: stored.shipping ? { ...stored.shipping } : null,
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
      cart = { id: randomUUID(), deviceId, domain, lines: [], shipping: null, promoCodes: [] };
      carts.set(key, cart);
    }
    return cart;
  }

  function addVariant(deviceId: string, domain: string, variantId: string, quantity: number): Cart {
    const product = findProduct(variantId);
    if (!product) {
      throw new FirmlyApiError(404, 'ErrorVariantNotFound', `Variant ${variantId} not found.`);
    }
    const cart = cartOf(deviceId, domain);
    const line = cart.lines.find((l) => l.product === product);
    if (line) line.quantity += quantity;
    else cart.lines.push({ id: randomUUID(), product, quantity });
    return toCart(cart);
  }

  function setQuantity(cart: StoredCart, line: StoredLine, quantity: number): void {
    if (quantity === 0) cart.lines = cart.lines.filter((l) => l !== line);
    else line.quantity = quantity;
  }

  return {
    view: (deviceId, domain) => toCart(cartOf(deviceId, domain)),

    addVariant,

    setLineQuantity(deviceId, domain, lineItemId, quantity) {
      const cart = cartOf(deviceId, domain);
      const line = cart.lines.find((l) => l.id === lineItemId);
      if (!line) {
        throw new FirmlyApiError(
          404,
          'ErrorLineItemNotFound',
          `Line item ${lineItemId} not found.`,
        );
      }
      setQuantity(cart, line, quantity);
      return toCart(cart);
    },

    setSkuQuantity(deviceId, domain, sku, quantity) {
      const cart = cartOf(deviceId, domain);
      const line = cart.lines.find((l) => l.product.id === sku);
      if (line) {
        setQuantity(cart, line, quantity);
        return toCart(cart);
      }
      if (quantity === 0) return toCart(cart);
      return addVariant(deviceId, domain, sku, quantity);
    },

    clear(deviceId, domain) {
      const cart = cartOf(deviceId, domain);
      cart.lines = [];
      return toCart(cart);
    },

    setShippingInfo(deviceId, domain, info) {
      const country = info.country.toUpperCase();
      if (!COUNTRIES[country]) {
        throw new FirmlyApiError(
          400,
          'ErrorCountryNotSupported',
          `Shipping to ${info.country} is not supported.`,
        );
      }
      const cart = cartOf(deviceId, domain);
      cart.shipping = { ...info, country };
      return toCart(cart);
    },

    setPromoCodes(deviceId, domain, codes) {
      const normalized = codes.map((code) => code.trim().toUpperCase());
      const bad = normalized.find((code) => PROMO_PERCENT_OFF[code] === undefined);
      if (bad !== undefined) {
        throw new FirmlyApiError(422, 'ErrorInvalidPromoCode', `Promo code ${bad} is not valid.`);
      }
      const cart = cartOf(deviceId, domain);
      cart.promoCodes = [...new Set(normalized)];
      return toCart(cart);
    },

    activeCarts: (deviceId) =>
      [...carts.values()]
        .filter((cart) => cart.deviceId === deviceId && cart.lines.length > 0)
        .map(toCart),
  };
}
