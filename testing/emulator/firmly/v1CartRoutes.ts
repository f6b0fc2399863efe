import type { CartRoute } from './CartRoute.js';
import {
  jsonObject,
  promoCodes,
  quantity,
  requirePaymentToken,
  shippingInfo,
  shippingMethodSku,
  variantHandles,
} from './cartBodies.js';

// The documented v1 "Simple Cart" is `GET cart`, `POST cart/line-items/{sku}/quantity/{n}`,
// `PUT cart/line-items/{sku}` and `DELETE cart/line-items`. Everything else here (and the
// `variant_handles` and `flush_cart` these take) is taken from Firmly's own browser client.

function lineItemsRoute(
  method: string,
  domain: string,
  sku: string | undefined,
  keyword: string | undefined,
  qty: string | undefined,
): CartRoute | undefined {
  if (sku === undefined) {
    return method === 'DELETE' ? ({ deviceId, book }) => book.clear(deviceId, domain) : undefined;
  }
  if (keyword === undefined && method === 'PUT') {
    return ({ deviceId, book, body }) => {
      const json = jsonObject(body);
      return book.setSkuQuantity(
        deviceId,
        domain,
        sku,
        quantity(json.quantity, 0),
        variantHandles(json),
      );
    };
  }
  if (keyword === 'quantity' && qty !== undefined && method === 'POST') {
    return ({ deviceId, book, body, query }) => {
      const handles = variantHandles(jsonObject(body, true));
      if (query.get('flush_cart') === 'true') book.clear(deviceId, domain);
      return book.addVariant(deviceId, domain, sku, quantity(qty, 1), handles);
    };
  }
  return undefined;
}

function checkoutRoute(method: string, domain: string, resource: string): CartRoute | undefined {
  const key = `${method} ${resource}`;
  switch (key) {
    case 'POST shipping-info':
    case 'PUT shipping-info':
      return ({ deviceId, book, body }) =>
        book.setShippingInfo(deviceId, domain, shippingInfo(jsonObject(body)));
    case 'POST shipping-method':
      return ({ deviceId, book, body }) =>
        book.setShippingMethod(deviceId, domain, shippingMethodSku(jsonObject(body)));
    case 'POST promo-codes':
      return ({ deviceId, book, body }) =>
        book.setPromoCodes(deviceId, domain, promoCodes(jsonObject(body)));
    case 'DELETE promo-codes':
      return ({ deviceId, book }) => book.setPromoCodes(deviceId, domain, []);
    case 'POST complete-order':
      return ({ deviceId, book, body }) => {
        requirePaymentToken(jsonObject(body));
        return book.completeOrder(deviceId, domain);
      };
    case 'GET consents':
      return ({ deviceId, book }) => book.consents(deviceId, domain);
    case 'POST consents':
      return ({ deviceId, book, body }) => book.saveConsents(deviceId, domain, jsonObject(body));
    default:
      return undefined;
  }
}

/**
 * Finds a v1 route under `/api/v1/domains/{domain}/cart`.
 *
 * @param method - the HTTP method, upper case
 * @param domain - the shop's domain, lower case
 * @param rest - the path segments after `cart`
 * @returns the route, or `undefined` when v1 has none there
 */
export function v1DomainRoute(
  method: string,
  domain: string,
  rest: string[],
): CartRoute | undefined {
  const [resource, sku, keyword, qty, ...extra] = rest;
  if (extra.length > 0) return undefined;
  if (resource === undefined) {
    return method === 'GET' ? ({ deviceId, book }) => book.view(deviceId, domain) : undefined;
  }
  if (resource === 'line-items') return lineItemsRoute(method, domain, sku, keyword, qty);
  return sku === undefined ? checkoutRoute(method, domain, resource) : undefined;
}
