// The Digital River demo shop. Like the Firmly shop, its Shopper API calls are plain fetch()
// with no auth code: the service worker obtains the shopper token and attaches it.
import { cartError, formatUsd, startShop } from './shopPage.js';

const SHOPPER = '/v1/shoppers/me/';

/** Digital River sends display strings beside amounts; the amount is the fallback. */
function formatted(text, money) {
  if (typeof text === 'string') return text;
  return formatUsd(typeof money?.value === 'number' ? money.value : 0);
}

/** @returns {import('./shopPage.js').CartView} */
function toView(body) {
  const cart = body?.cart;
  // A cart with one line may come as an object rather than a list, as XML-born JSON often does.
  const items = [cart?.lineItems?.lineItem ?? []].flat();
  const pricing = cart?.pricing;
  const rows = [['Subtotal', formatted(pricing?.formattedSubtotal, pricing?.subtotal)]];
  if (cart?.shippingMethod) {
    rows.push([
      'Shipping',
      formatted(pricing?.formattedShippingAndHandling, pricing?.shippingAndHandling),
    ]);
  }
  return {
    lines: items.map((item) => ({
      id: String(item.id),
      sku: item.product?.id,
      name: item.product?.displayName ?? item.product?.name,
      quantity: item.quantity,
      linePrice: formatted(
        item.pricing?.formattedSalePriceWithQuantity,
        item.pricing?.salePriceWithQuantity,
      ),
    })),
    rows,
    total: formatted(pricing?.formattedOrderTotal, pricing?.orderTotal),
  };
}

/** @returns {import('./shopPage.js').CartApi} the shopper's active cart */
function digitalRiverCart(apiOrigin) {
  const cartUrl = `${apiOrigin}${SHOPPER}carts/active`;

  /**
   * Calls the Shopper API exactly as a storefront without this library would. It answers XML
   * unless asked for JSON, so every call asks both ways.
   */
  async function cartCall(path, query = {}, method = 'GET') {
    const params = new URLSearchParams({ ...query, format: 'json' });
    const res = await fetch(`${cartUrl}${path}?${params}`, {
      method,
      headers: { accept: 'application/json' },
    });
    const body = await res.json().catch(() => undefined);
    if (!res.ok) {
      const [first] = [body?.errors?.error ?? []].flat();
      throw cartError(first?.description, first?.code, res.status);
    }
    return toView(body);
  }

  return {
    load: () => cartCall(''),
    add: (product) => cartCall('/line-items', { productId: product.id, quantity: '1' }, 'POST'),
    setQuantity: (line, quantity) => {
      const path = `/line-items/${encodeURIComponent(line.id)}`;
      return quantity === 0
        ? cartCall(path, {}, 'DELETE')
        : cartCall(path, { quantity: String(quantity) }, 'POST');
    },
    clear: () => cartCall('/line-items', {}, 'DELETE'),
    // Every call is under the same shopper and carries `format=json`; the rest tells them apart.
    shortenPath: (url) => new URL(url).pathname.replace(SHOPPER, ''),
    // The library posts the token to Digital River's web-checkout; this page never sees it.
    checkout: {
      label: 'Checkout with Digital River',
      go: () => window.swTokenInterceptor.checkout(),
    },
  };
}

await startShop(digitalRiverCart);
