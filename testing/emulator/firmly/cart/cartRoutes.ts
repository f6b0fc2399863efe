import { pathSegments } from '../../http/pathSegments.js';
import type { CartRoute } from './CartRoute.js';
import { addToCartVariant, jsonObject, promoCodes, quantity, shippingInfo } from './cartBodies.js';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** v2, the "Full Cart": read, add, change a line, clear, ship to, and promo codes. */
function v2Route(method: string, domain: string, rest: string[]): CartRoute | undefined {
  const [resource, id, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined) {
    return method === 'GET' ? ({ deviceId, book }) => book.view(deviceId, domain) : undefined;
  }
  if (resource === 'line-items') {
    if (id === undefined && method === 'POST') {
      return ({ deviceId, book, body }) => {
        const json = jsonObject(body);
        const variant = addToCartVariant(json);
        return book.addVariant(deviceId, domain, variant, quantity(json.quantity ?? 1, 1));
      };
    }
    if (id === undefined && method === 'DELETE') {
      return ({ deviceId, book }) => book.clear(deviceId, domain);
    }
    if (id !== undefined && method === 'PUT') {
      return ({ deviceId, book, body }) =>
        book.setLineQuantity(deviceId, domain, id, quantity(jsonObject(body).quantity, 0));
    }
    return undefined;
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

/** v1, the "Simple Cart": read, add by SKU, set a SKU's quantity, clear. */
function v1Route(method: string, domain: string, rest: string[]): CartRoute | undefined {
  const [resource, sku, keyword, qty, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined) {
    return method === 'GET' ? ({ deviceId, book }) => book.view(deviceId, domain) : undefined;
  }
  if (resource !== 'line-items') return undefined;
  if (sku === undefined) {
    return method === 'DELETE' ? ({ deviceId, book }) => book.clear(deviceId, domain) : undefined;
  }
  // Firmly's own client also sends `{variant_handles}` on both; the emulator has no variants to
  // pick from, so the handles are not read.
  if (keyword === undefined && method === 'PUT') {
    return ({ deviceId, book, body }) =>
      book.setSkuQuantity(deviceId, domain, sku, quantity(jsonObject(body).quantity, 0));
  }
  if (keyword === 'quantity' && qty !== undefined && method === 'POST') {
    return ({ deviceId, book }) => book.addVariant(deviceId, domain, sku, quantity(qty, 1));
  }
  return undefined;
}

/** The session-wide routes: the device's carts across domains. */
function activeRoute(
  method: string,
  version: string | undefined,
  name: string | undefined,
): CartRoute | undefined {
  if (method !== 'GET' || version !== 'v2') return undefined;
  if (name === 'active') return ({ deviceId, book }) => book.active(deviceId);
  if (name === 'active-domains') {
    return ({ deviceId, book }) => ({ domains: book.active(deviceId).domains });
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
  const segments = pathSegments(pathname);
  if (segments === undefined) return undefined;
  const [api, version, kind, name, cart, ...rest] = segments;
  if (api !== 'api') return undefined;
  if (kind === 'carts' && cart === undefined) return activeRoute(method, version, name);
  if (kind !== 'domains' || name === undefined || cart !== 'cart') return undefined;
  const domain = name.toLowerCase();
  if (!DOMAIN.test(domain)) return undefined;
  if (version === 'v2') return v2Route(method, domain, rest);
  if (version === 'v1') return v1Route(method, domain, rest);
  return undefined;
}
