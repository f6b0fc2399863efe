import { pathSegments } from '../http/pathSegments.js';
import type { CartRoute } from './CartRoute.js';
import { addToCartVariant, jsonObject, promoCodes, quantity, shippingInfo } from './cartBodies.js';
import { v1DomainRoute } from './v1CartRoutes.js';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

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

function activeCartsRoute(
  method: string,
  version: string | undefined,
  name: string | undefined,
): CartRoute | undefined {
  if (method !== 'GET') return undefined;
  // v1 is what Firmly's own client calls (`?excludes=` names shops to leave out); v2 is documented.
  if (version === 'v1' && name === 'active') {
    return ({ deviceId, book, query }) => ({
      carts: book.activeCarts(deviceId, (query.get('excludes') ?? '').split(',').filter(Boolean)),
    });
  }
  if (version !== 'v2') return undefined;
  if (name === 'active') {
    return ({ deviceId, book }) => {
      const carts = book.activeCarts(deviceId);
      return { domains: carts.map((cart) => cart.shop_id), carts };
    };
  }
  if (name === 'active-domains') {
    return ({ deviceId, book }) => ({
      domains: book.activeCarts(deviceId).map((cart) => cart.shop_id),
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
  const segments = pathSegments(pathname);
  if (segments === undefined) return undefined;
  const [api, version, kind, name, cart, ...rest] = segments;
  if (api !== 'api') return undefined;
  if (kind === 'carts' && cart === undefined) return activeCartsRoute(method, version, name);
  if (kind !== 'domains' || name === undefined || cart !== 'cart') return undefined;
  const domain = name.toLowerCase();
  if (!DOMAIN.test(domain)) return undefined;
  if (version === 'v2') return v2DomainRoute(method, domain, rest);
  if (version === 'v1') return v1DomainRoute(method, domain, rest);
  return undefined;
}
