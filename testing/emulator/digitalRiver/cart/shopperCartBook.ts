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

/**
 * A shopper's active cart in the Shopper API's shape. The emulator ships nothing (decision 020),
 * so the order total is the subtotal.
 */
export interface ShopperCart {
  id: 'active';
  lineItems: { lineItem: ShopperLineItem[] };
  totalItemsInCart: number;
  pricing: {
    subtotal: DigitalRiverMoney;
    formattedSubtotal: string;
    orderTotal: DigitalRiverMoney;
    formattedOrderTotal: string;
  };
}

/** Every shopper's active cart, kept in memory for the emulator's lifetime. */
export interface ShopperCartBook {
  /** @returns the shopper's cart, created empty on first sight */
  view(shopperId: string): ShopperCart;
  /** Adds to the line holding the product, or opens one. @throws DigitalRiverApiError for an unknown product */
  add(shopperId: string, productId: string, quantity: number): ShopperCart;
  /** Sets a line's quantity; 0 removes it. @throws DigitalRiverApiError for an unknown line */
  setLineQuantity(shopperId: string, lineItemId: string, quantity: number): ShopperCart;
  /** Removes every line. */
  clear(shopperId: string): ShopperCart;
}

type StoredLine = { id: string; product: CatalogProduct; quantity: number };

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

function toCart(lines: StoredLine[]): ShopperCart {
  const subtotal = lines.reduce((sum, l) => sum + l.product.priceCents * l.quantity, 0);
  return {
    id: 'active',
    lineItems: { lineItem: lines.map(toLineItem) },
    totalItemsInCart: lines.reduce((sum, l) => sum + l.quantity, 0),
    pricing: {
      subtotal: money(subtotal),
      formattedSubtotal: formatted(subtotal),
      orderTotal: money(subtotal),
      formattedOrderTotal: formatted(subtotal),
    },
  };
}

/**
 * Creates an empty cart book. Carts are keyed by shopper, so a refreshed access token (same
 * shopper) keeps its cart and a new `SessionToken` without the store cookie starts an empty one.
 * Products and prices come from the shared catalog; a product id is a catalog id.
 *
 * @returns a new, empty book
 */
export function createShopperCartBook(): ShopperCartBook {
  const carts = new Map<string, StoredLine[]>();
  // Digital River's line item ids are numbers; a counter looks the part.
  let nextLineId = 1_000_001;

  function linesOf(shopperId: string): StoredLine[] {
    let lines = carts.get(shopperId);
    if (!lines) {
      lines = [];
      carts.set(shopperId, lines);
    }
    return lines;
  }

  return {
    view: (shopperId) => toCart(linesOf(shopperId)),

    add(shopperId, productId, quantity) {
      const product = catalog.find((p) => p.id === productId);
      if (!product) {
        throw new DigitalRiverApiError(
          404,
          'resource-not-found',
          `Product ${productId} not found.`,
        );
      }
      const lines = linesOf(shopperId);
      const line = lines.find((l) => l.product === product);
      if (line) line.quantity += quantity;
      else lines.push({ id: String(nextLineId++), product, quantity });
      return toCart(lines);
    },

    setLineQuantity(shopperId, lineItemId, quantity) {
      const lines = linesOf(shopperId);
      const index = lines.findIndex((l) => l.id === lineItemId);
      const line = lines[index];
      if (!line) {
        throw new DigitalRiverApiError(
          404,
          'resource-not-found',
          `Line item ${lineItemId} not found.`,
        );
      }
      if (quantity === 0) lines.splice(index, 1);
      else line.quantity = quantity;
      return toCart(lines);
    },

    clear(shopperId) {
      const lines = linesOf(shopperId);
      lines.length = 0;
      return toCart(lines);
    },
  };
}
