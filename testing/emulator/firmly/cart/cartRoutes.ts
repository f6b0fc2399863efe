import { pathSegments } from '../../http/pathSegments.js';
import type { CartRoute } from './CartRoute.js';
import { addToCartVariant, jsonObject, quantity } from './cartBodies.js';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** v2, the "Full Cart": read, add, change a line, clear (what the demo shop calls). */
function v2Route(method: string, domain: string, rest: string[]): CartRoute | undefined {
  const [resource, id, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined) {
    return method === 'GET' ? ({ deviceId, book }) => book.view(deviceId, domain) : undefined;
  }
  if (resource !== 'line-items') return undefined;
  if (id === undefined && method === 'POST') {
    return ({ deviceId, book, body }) => {
      const json = jsonObject(body);
      return book.addVariant(
        deviceId,
        domain,
        addToCartVariant(json),
        quantity(json.quantity ?? 1, 1),
      );
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

/** v1, the "Simple Cart": read, and add by SKU; Firmly's own client calls v1 only. */
function v1Route(method: string, domain: string, rest: string[]): CartRoute | undefined {
  const [resource, sku, keyword, qty, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined) {
    return method === 'GET' ? ({ deviceId, book }) => book.view(deviceId, domain) : undefined;
  }
  if (method !== 'POST' || resource !== 'line-items' || keyword !== 'quantity') return undefined;
  if (sku === undefined || qty === undefined) return undefined;
  // Firmly's client also sends `{variant_handles}`; the emulator has no variants to pick from.
  return ({ deviceId, book }) => book.addVariant(deviceId, domain, sku, quantity(qty, 1));
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
  if (kind === 'carts' && cart === undefined) {
    // The one session-wide route kept: a GET with no domain and no body (decision 020).
    if (version !== 'v2' || name !== 'active-domains' || method !== 'GET') return undefined;
    return ({ deviceId, book }) => ({ domains: book.activeDomains(deviceId) });
  }
  if (kind !== 'domains' || name === undefined || cart !== 'cart') return undefined;
  const domain = name.toLowerCase();
  if (!DOMAIN.test(domain)) return undefined;
  if (version === 'v2') return v2Route(method, domain, rest);
  if (version === 'v1') return v1Route(method, domain, rest);
  return undefined;
}
