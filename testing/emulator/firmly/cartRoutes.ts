import type { CartBook, ShippingInfo } from './cartBook.js';
import { FirmlyApiError } from './FirmlyApiError.js';

/** What a matched cart route needs to answer: the caller is already authenticated. */
export interface CartCall {
  deviceId: string;
  /** The raw request body; routes that take JSON parse it themselves. */
  body: string;
  book: CartBook;
}

/** Answers one cart call with the JSON body of a 200, or throws {@link FirmlyApiError}. */
export type CartRoute = (call: CartCall) => unknown;

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const MAX_QUANTITY = 999;

function invalidBody(detail: string): FirmlyApiError {
  return new FirmlyApiError(400, 'ErrorInvalidInputBody', detail);
}

function jsonObject(body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalidBody('Request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidBody('Request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function quantity(value: unknown, min: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > MAX_QUANTITY) {
    throw invalidBody(`quantity must be a whole number from ${min} to ${MAX_QUANTITY}.`);
  }
  return n;
}

function addToCartVariant(body: Record<string, unknown>): string {
  const ref = body.add_to_cart_ref;
  const variantId =
    typeof ref === 'object' && ref !== null
      ? (ref as Record<string, unknown>).variant_id
      : undefined;
  if (typeof variantId !== 'string' || variantId === '') {
    throw invalidBody('add_to_cart_ref.variant_id is required.');
  }
  return variantId;
}

function shippingInfo(body: Record<string, unknown>): ShippingInfo {
  if (typeof body.country !== 'string' || !/^[A-Za-z]{2}$/.test(body.country)) {
    throw invalidBody('country must be an ISO 3166-1 alpha-2 code.');
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return { ...fields, country: body.country };
}

function promoCodes(body: Record<string, unknown>): string[] {
  const codes = body.promo_codes;
  if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string')) {
    throw invalidBody('promo_codes must be an array of strings.');
  }
  return codes;
}

function v2DomainRoute(method: string, domain: string, rest: string[]): CartRoute | undefined {
  const [resource, id, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined && method === 'GET') {
    return ({ deviceId, book }) => book.view(deviceId, domain);
  }
  if (resource === 'line-items' && id === undefined) {
    if (method === 'POST') {
      return ({ deviceId, book, body }) => {
        const json = jsonObject(body);
        const variant = addToCartVariant(json);
        return book.addVariant(deviceId, domain, variant, quantity(json.quantity ?? 1, 1));
      };
    }
    if (method === 'DELETE') return ({ deviceId, book }) => book.clear(deviceId, domain);
  }
  if (resource === 'line-items' && id !== undefined && method === 'PUT') {
    return ({ deviceId, book, body }) =>
      book.setLineQuantity(deviceId, domain, id, quantity(jsonObject(body).quantity, 0));
  }
  if (id !== undefined || (method !== 'POST' && method !== 'PUT')) return undefined;
  if (resource === 'shipping-info') {
    return ({ deviceId, book, body }) =>
      book.setShippingInfo(deviceId, domain, shippingInfo(jsonObject(body)));
  }
  if (resource === 'promo-codes') {
    return ({ deviceId, book, body }) =>
      book.setPromoCodes(deviceId, domain, promoCodes(jsonObject(body)));
  }
  return undefined;
}

function v1DomainRoute(method: string, domain: string, rest: string[]): CartRoute | undefined {
  const [resource, sku, keyword, qty, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined) {
    return method === 'GET' ? ({ deviceId, book }) => book.view(deviceId, domain) : undefined;
  }
  if (resource !== 'line-items') return undefined;
  if (sku === undefined) {
    return method === 'DELETE' ? ({ deviceId, book }) => book.clear(deviceId, domain) : undefined;
  }
  if (keyword === undefined && method === 'PUT') {
    return ({ deviceId, book, body }) =>
      book.setSkuQuantity(deviceId, domain, sku, quantity(jsonObject(body).quantity, 0));
  }
  if (keyword === 'quantity' && qty !== undefined && method === 'POST') {
    return ({ deviceId, book }) => book.addVariant(deviceId, domain, sku, quantity(qty, 1));
  }
  return undefined;
}

function activeCartsRoute(method: string, name: string | undefined): CartRoute | undefined {
  if (method !== 'GET') return undefined;
  if (name === 'active') {
    return ({ deviceId, book }) => {
      const carts = book.activeCarts(deviceId);
      return { domains: carts.map((cart) => cart.display_name), carts };
    };
  }
  if (name === 'active-domains') {
    return ({ deviceId, book }) => ({
      domains: book.activeCarts(deviceId).map((cart) => cart.display_name),
    });
  }
  return undefined;
}

/**
 * Finds the cart route for a request without running it, so the emulator can count, log and
 * fault every cart call before authentication decides its fate.
 *
 * @param method - the HTTP method, upper case
 * @param pathname - the URL path; one trailing slash is ignored because some clients send `/cart/`
 * @returns the route, or `undefined` when the request is not a cart call
 */
export function matchCartRoute(method: string, pathname: string): CartRoute | undefined {
  let segments: string[];
  try {
    segments = pathname.replace(/\/$/, '').split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [api, version, kind, name, cart, ...rest] = segments;
  if (api !== 'api') return undefined;
  if (version === 'v2' && kind === 'carts' && cart === undefined) {
    return activeCartsRoute(method, name);
  }
  if (kind !== 'domains' || name === undefined || cart !== 'cart') return undefined;
  const domain = name.toLowerCase();
  if (!DOMAIN.test(domain)) return undefined;
  if (version === 'v2') return v2DomainRoute(method, domain, rest);
  if (version === 'v1') return v1DomainRoute(method, domain, rest);
  return undefined;
}
