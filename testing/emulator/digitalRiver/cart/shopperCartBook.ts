import { type CatalogProduct, catalog } from '../../catalog.js';
import { DigitalRiverApiError } from '../DigitalRiverApiError.js';

/** An amount as Digital River writes it; the display string travels beside it as `formatted…`. */
export interface DigitalRiverMoney {
  currency: 'USD';
  value: number;
}

/** One line of a cart. `salePrice` is per unit; `salePriceWithQuantity` is the line's total. */
export interface ShopperLineItem {
  id: string;
  quantity: number;
  product: { id: string; name: string; displayName: string };
  pricing: {
    salePrice: DigitalRiverMoney;
    formattedSalePrice: string;
    salePriceWithQuantity: DigitalRiverMoney;
    formattedSalePriceWithQuantity: string;
  };
}

/** An address as sent by the client; only `country`, when given, is checked. */
export type ShopperAddress = Record<string, string>;

/** A way to ship the order, chosen with `apply-shipping-option`; every one is free. */
export interface ShippingOption {
  id: string;
  description: string;
}

/**
 * A shopper's active cart in the Shopper API's shape. The public record lists the endpoints but
 * not this shape beyond lines and pricing, so the addresses and shipping fields are ours: they let
 * the address and shipping endpoints show what they took. Prices are the catalog's, flat, and
 * shipping costs nothing (decision 020), so the order total is the subtotal.
 */
export interface ShopperCart {
  id: 'active';
  lineItems: { lineItem: ShopperLineItem[] };
  totalItemsInCart: number;
  shippingAddress: ShopperAddress | null;
  billingAddress: ShopperAddress | null;
  shippingOptions: { shippingOption: ShippingOption[] };
  shippingMethod: { code: string; description: string } | null;
  pricing: {
    subtotal: DigitalRiverMoney;
    formattedSubtotal: string;
    orderTotal: DigitalRiverMoney;
    formattedOrderTotal: string;
  };
}

/** What `submit-cart` answers; the public record names the endpoint but not its answer. */
export interface SubmittedOrder {
  id: string;
  orderState: 'Submitted';
  totalItemsInOrder: number;
  pricing: { orderTotal: DigitalRiverMoney; formattedOrderTotal: string };
}

/** Every shopper's active cart, kept in memory for the emulator's lifetime. */
export interface ShopperCartBook {
  /** @returns the shopper's cart, created empty on first sight */
  view(shopperId: string): ShopperCart;
  /** Adds to the line holding the product, or opens one. @throws DigitalRiverApiError for an unknown product */
  add(shopperId: string, productId: string, quantity: number): ShopperCart;
  /** @throws DigitalRiverApiError for an unknown line */
  line(shopperId: string, lineItemId: string): ShopperLineItem;
  /** Sets a line's quantity; 0 removes it. @throws DigitalRiverApiError for an unknown line */
  setLineQuantity(shopperId: string, lineItemId: string, quantity: number): ShopperCart;
  /** Removes every line but keeps the addresses and the shipping choice. */
  clear(shopperId: string): ShopperCart;
  setAddress(shopperId: string, kind: 'shipping' | 'billing', address: ShopperAddress): ShopperCart;
  /** @throws DigitalRiverApiError for an unknown option */
  applyShippingOption(shopperId: string, optionId: string): ShopperCart;
  /** Turns the cart into an order and starts an empty one. @throws DigitalRiverApiError for an empty cart */
  submit(shopperId: string): SubmittedOrder;
}

type StoredLine = { id: string; product: CatalogProduct; quantity: number };

interface StoredCart {
  lines: StoredLine[];
  shippingAddress: ShopperAddress | null;
  billingAddress: ShopperAddress | null;
  shippingOptionId: string | null;
}

// The public record has no shipping options; two let a test see its choice applied.
const SHIPPING_OPTIONS: readonly ShippingOption[] = [
  { id: 'standard', description: 'Standard shipping' },
  { id: 'express', description: 'Express shipping' },
];

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

// The book counts in integer cents and converts only here, so values never drift.
function money(cents: number): DigitalRiverMoney {
  return { currency: 'USD', value: cents / 100 };
}

function formatted(cents: number): string {
  return usd.format(cents / 100);
}

function toLineItem(line: StoredLine): ShopperLineItem {
  const { product } = line;
  return {
    id: line.id,
    quantity: line.quantity,
    product: { id: product.id, name: product.name, displayName: product.name },
    pricing: {
      salePrice: money(product.priceCents),
      formattedSalePrice: formatted(product.priceCents),
      salePriceWithQuantity: money(product.priceCents * line.quantity),
      formattedSalePriceWithQuantity: formatted(product.priceCents * line.quantity),
    },
  };
}

function toCart(stored: StoredCart): ShopperCart {
  const { lines } = stored;
  const subtotal = lines.reduce((sum, l) => sum + l.product.priceCents * l.quantity, 0);
  const option = SHIPPING_OPTIONS.find((o) => o.id === stored.shippingOptionId);
  return {
    id: 'active',
    lineItems: { lineItem: lines.map(toLineItem) },
    totalItemsInCart: lines.reduce((sum, l) => sum + l.quantity, 0),
    shippingAddress: stored.shippingAddress ? { ...stored.shippingAddress } : null,
    billingAddress: stored.billingAddress ? { ...stored.billingAddress } : null,
    shippingOptions: { shippingOption: SHIPPING_OPTIONS.map((o) => ({ ...o })) },
    shippingMethod: option ? { code: option.id, description: option.description } : null,
    pricing: {
      subtotal: money(subtotal),
      formattedSubtotal: formatted(subtotal),
      orderTotal: money(subtotal),
      formattedOrderTotal: formatted(subtotal),
    },
  };
}

function emptyCart(): StoredCart {
  return { lines: [], shippingAddress: null, billingAddress: null, shippingOptionId: null };
}

/**
 * Creates an empty cart book. Carts are keyed by shopper, so a refreshed access token (same
 * shopper) keeps its cart and a new `SessionToken` without the store cookie starts an empty one.
 * Products and prices come from the shared catalog; a product id is a catalog id.
 *
 * @returns a new, empty book
 */
export function createShopperCartBook(): ShopperCartBook {
  const carts = new Map<string, StoredCart>();
  // Digital River's line item and order ids are numbers; a counter looks the part.
  let nextLineId = 1_000_001;
  let nextOrderId = 80_000_001;

  function cartOf(shopperId: string): StoredCart {
    let cart = carts.get(shopperId);
    if (!cart) {
      cart = emptyCart();
      carts.set(shopperId, cart);
    }
    return cart;
  }

  function lineOf(cart: StoredCart, lineItemId: string): StoredLine {
    const line = cart.lines.find((l) => l.id === lineItemId);
    if (!line) {
      throw new DigitalRiverApiError(
        404,
        'resource-not-found',
        `Line item ${lineItemId} not found.`,
      );
    }
    return line;
  }

  return {
    view: (shopperId) => toCart(cartOf(shopperId)),

    add(shopperId, productId, quantity) {
      const product = catalog.find((p) => p.id === productId);
      if (!product) {
        throw new DigitalRiverApiError(
          404,
          'resource-not-found',
          `Product ${productId} not found.`,
        );
      }
      const cart = cartOf(shopperId);
      const line = cart.lines.find((l) => l.product === product);
      if (line) line.quantity += quantity;
      else cart.lines.push({ id: String(nextLineId++), product, quantity });
      return toCart(cart);
    },

    line: (shopperId, lineItemId) => toLineItem(lineOf(cartOf(shopperId), lineItemId)),

    setLineQuantity(shopperId, lineItemId, quantity) {
      const cart = cartOf(shopperId);
      const line = lineOf(cart, lineItemId);
      if (quantity === 0) cart.lines = cart.lines.filter((l) => l !== line);
      else line.quantity = quantity;
      return toCart(cart);
    },

    clear(shopperId) {
      const cart = cartOf(shopperId);
      cart.lines = [];
      return toCart(cart);
    },

    setAddress(shopperId, kind, address) {
      const cart = cartOf(shopperId);
      if (kind === 'shipping') cart.shippingAddress = { ...address };
      else cart.billingAddress = { ...address };
      return toCart(cart);
    },

    applyShippingOption(shopperId, optionId) {
      if (!SHIPPING_OPTIONS.some((o) => o.id === optionId)) {
        throw new DigitalRiverApiError(
          400,
          'invalid_request',
          `Shipping option ${optionId} is not available.`,
        );
      }
      const cart = cartOf(shopperId);
      cart.shippingOptionId = optionId;
      return toCart(cart);
    },

    submit(shopperId) {
      const cart = toCart(cartOf(shopperId));
      if (cart.totalItemsInCart === 0) {
        throw new DigitalRiverApiError(400, 'invalid_request', 'The cart is empty.');
      }
      carts.set(shopperId, emptyCart());
      return {
        id: String(nextOrderId++),
        orderState: 'Submitted',
        totalItemsInOrder: cart.totalItemsInCart,
        pricing: {
          orderTotal: cart.pricing.orderTotal,
          formattedOrderTotal: cart.pricing.formattedOrderTotal,
        },
      };
    },
  };
}
