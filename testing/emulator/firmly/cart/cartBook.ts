import { randomUUID } from 'node:crypto';
import { type CatalogProduct, catalog } from '../../catalog.js';
import { FirmlyApiError } from '../FirmlyApiError.js';
import { type Money, money } from './money.js';

/** One line of a cart, as the API answers it. */
export interface CartLineItem {
  line_item_id: string;
  sku: string;
  quantity: number;
  description: string;
  price: Money;
  line_price: Money;
}

/**
 * A cart in the shape Firmly documents. The emulator takes no shipping address and charges no tax
 * (decision 020), so `shipping_info` is always `null` and `shipping_total` and `tax` are zero.
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
  shipping_info: null;
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
  /** Removes every line. */
  clear(deviceId: string, domain: string): Cart;
  /** @returns the domains where the device's cart holds at least one line */
  activeDomains(deviceId: string): string[];
}

interface StoredCart {
  id: string;
  deviceId: string;
  domain: string;
  lines: { id: string; product: CatalogProduct; quantity: number }[];
}

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
    shipping_info: null,
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
      cart = { id: randomUUID(), deviceId, domain, lines: [] };
      carts.set(key, cart);
    }
    return cart;
  }

  return {
    view: (deviceId, domain) => toCart(cartOf(deviceId, domain)),

    addVariant(deviceId, domain, variantId, quantity) {
      const product = catalog.find((p) => p.id === variantId);
      if (!product) {
        throw new FirmlyApiError(404, 'ErrorVariantNotFound', `Variant ${variantId} not found.`);
      }
      const cart = cartOf(deviceId, domain);
      const line = cart.lines.find((l) => l.product === product);
      if (line) line.quantity += quantity;
      else cart.lines.push({ id: randomUUID(), product, quantity });
      return toCart(cart);
    },

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
      if (quantity === 0) cart.lines = cart.lines.filter((l) => l !== line);
      else line.quantity = quantity;
      return toCart(cart);
    },

    clear(deviceId, domain) {
      const cart = cartOf(deviceId, domain);
      cart.lines = [];
      return toCart(cart);
    },

    activeDomains: (deviceId) =>
      [...carts.values()]
        .filter((cart) => cart.deviceId === deviceId && cart.lines.length > 0)
        .map((cart) => cart.domain),
  };
}
