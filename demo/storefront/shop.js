// The Firmly demo shop. Its cart calls are plain fetch() with no auth code at all: attaching the
// shopper's token is the service worker's job, which is the point of the demo.
import { cartError, formatUsd, startShop } from './shopPage.js';

const DOMAIN = 'staging.luma.gift';

/** Money from the API; `number` (cents) is the fallback because `value` is the documented field. */
function formatMoney(money) {
  if (!money) return formatUsd(0);
  return formatUsd(typeof money.value === 'number' ? money.value : money.number / 100);
}

/** @returns {import('./shopPage.js').CartView} */
function toView(cart) {
  const lines = Array.isArray(cart?.line_items) ? cart.line_items : [];
  const rows = [['Subtotal', formatMoney(cart?.sub_total)]];
  if (cart?.shipping_info) {
    rows.push(['Shipping', formatMoney(cart.shipping_total)], ['Tax', formatMoney(cart.tax)]);
  }
  return {
    lines: lines.map((line) => ({
      id: line.line_item_id,
      sku: line.sku,
      name: line.description,
      quantity: line.quantity,
      linePrice: formatMoney(line.line_price),
    })),
    rows,
    total: formatMoney(cart?.total),
  };
}

/** @returns {import('./shopPage.js').CartApi} the Firmly v2 cart of the demo domain */
function firmlyCart(apiOrigin) {
  const cartUrl = `${apiOrigin}/api/v2/domains/${DOMAIN}/cart`;

  /** Calls the Cart API exactly as a storefront without this library would. */
  async function cartCall(path, init = {}) {
    const res = await fetch(`${cartUrl}${path}`, init);
    const body = await res.json().catch(() => undefined);
    if (!res.ok) throw cartError(body?.description ?? body?.message, body?.error, res.status);
    return toView(body);
  }

  return {
    load: () => cartCall(''),
    add: (product) =>
      cartCall('/line-items', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ add_to_cart_ref: { variant_id: product.id }, quantity: 1 }),
      }),
    setQuantity: (line, quantity) =>
      cartCall(`/line-items/${encodeURIComponent(line.id)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ quantity }),
      }),
    clear: () => cartCall('/line-items', { method: 'DELETE' }),
    // The domain prefix is the same on every call; the part after it tells them apart.
    shortenPath: (url) => new URL(url).pathname.replace(`/api/v2/domains/${DOMAIN}/`, ''),
  };
}

await startShop(firmlyCart);
