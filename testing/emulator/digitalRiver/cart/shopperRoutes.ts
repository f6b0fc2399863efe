import { pathSegments } from '../../http/pathSegments.js';
import { DigitalRiverApiError } from '../DigitalRiverApiError.js';
import { shopperAddress } from './shopperAddress.js';
import type { ShopperCartBook } from './shopperCartBook.js';

/** What a matched Shopper API route needs to answer: the caller is already authenticated. */
export interface ShopperCall {
  shopperId: string;
  /** The query string; the cart endpoints take their parameters there, not in the body. */
  query: URLSearchParams;
  /** The raw request body; only the address routes read it. */
  body: string;
  book: ShopperCartBook;
}

/** Answers one Shopper API call with the JSON body of a 200, or throws {@link DigitalRiverApiError}. */
export type ShopperRoute = (call: ShopperCall) => unknown;

const MAX_QUANTITY = 999;

function invalid(detail: string): DigitalRiverApiError {
  return new DigitalRiverApiError(400, 'invalid_request', detail);
}

function required(query: URLSearchParams, name: string): string {
  const value = query.get(name)?.trim();
  if (!value) throw invalid(`${name} is required.`);
  return value;
}

function quantity(raw: string | null, min: number): number {
  const n = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(n) || n < min || n > MAX_QUANTITY) {
    throw invalid(`quantity must be a whole number from ${min} to ${MAX_QUANTITY}.`);
  }
  return n;
}

/** Adds `productId` in `quantity` (1 when absent, as a shop's "add to cart" means one). */
function addProduct({ shopperId, query, book }: ShopperCall) {
  const q = query.has('quantity') ? quantity(query.get('quantity'), 1) : 1;
  return { cart: book.add(shopperId, required(query, 'productId'), q) };
}

function cartRoute(method: string): ShopperRoute | undefined {
  if (method === 'GET') return ({ shopperId, book }) => ({ cart: book.view(shopperId) });
  if (method !== 'POST') return undefined;
  // POST carts/active updates the cart; without a product it changes nothing and shows it.
  return (call) =>
    call.query.has('productId') ? addProduct(call) : { cart: call.book.view(call.shopperId) };
}

function lineItemsRoute(method: string, id: string | undefined): ShopperRoute | undefined {
  if (id === undefined) {
    if (method === 'GET') {
      return ({ shopperId, book }) => ({ lineItems: book.view(shopperId).lineItems });
    }
    if (method === 'POST') return addProduct;
    if (method === 'DELETE') return ({ shopperId, book }) => ({ cart: book.clear(shopperId) });
    return undefined;
  }
  if (method === 'GET') return ({ shopperId, book }) => ({ lineItem: book.line(shopperId, id) });
  if (method === 'POST') {
    return ({ shopperId, book, query }) => ({
      cart: book.setLineQuantity(shopperId, id, quantity(query.get('quantity'), 0)),
    });
  }
  if (method === 'DELETE') {
    return ({ shopperId, book }) => ({ cart: book.setLineQuantity(shopperId, id, 0) });
  }
  return undefined;
}

function checkoutRoute(method: string, resource: string): ShopperRoute | undefined {
  if (method === 'PUT' && (resource === 'shipping-address' || resource === 'billing-address')) {
    const kind = resource === 'shipping-address' ? 'shipping' : 'billing';
    return ({ shopperId, book, body }) => ({
      cart: book.setAddress(shopperId, kind, shopperAddress(body)),
    });
  }
  if (method === 'POST' && resource === 'apply-shipping-option') {
    return ({ shopperId, book, query }) => ({
      cart: book.applyShippingOption(shopperId, required(query, 'shippingOptionId')),
    });
  }
  if (method === 'POST' && resource === 'submit-cart') {
    return ({ shopperId, book }) => ({ submitCart: { order: book.submit(shopperId) } });
  }
  return undefined;
}

/**
 * Finds the Shopper API route for a request without running it, so the emulator can count and
 * log every cart call before authentication decides its fate: the cart endpoints `CONTRACTS.md`
 * lists (the cart, its line items, the addresses, the shipping option, `submit-cart`). Calls that
 * change the cart answer `{"cart": …}`: the public record does not say what they answer, and the
 * whole cart lets a shop redraw from one answer.
 *
 * @param method - the HTTP method, upper case
 * @param pathname - the URL path; one trailing slash is ignored
 * @returns the route, or `undefined` when the request is not a Shopper API cart call
 */
export function matchShopperRoute(method: string, pathname: string): ShopperRoute | undefined {
  const segments = pathSegments(pathname);
  if (segments === undefined) return undefined;
  const [version, shoppers, me, carts, active, resource, id, ...extra] = segments;
  if (version !== 'v1' || shoppers !== 'shoppers' || me !== 'me') return undefined;
  if (carts !== 'carts' || active !== 'active' || extra.length > 0) return undefined;
  if (resource === undefined) return cartRoute(method);
  if (resource === 'line-items') return lineItemsRoute(method, id);
  return id === undefined ? checkoutRoute(method, resource) : undefined;
}
