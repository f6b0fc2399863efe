import type { ShopperCart } from '../cart/shopperCartBook.js';

/** What the hosted checkout page showed a shopper, as a test reads it back. Never a token. */
export interface HostedCheckoutView {
  siteId: string;
  /** The `themeId` the hand-off passed on, if any. */
  themeId: string | null;
  /** The `locale` the hand-off passed on, if any. */
  locale: string | null;
  lineItems: { productId: string; name: string; quantity: number; linePrice: string }[];
  totalItems: number;
  /** The order total as the page printed it, such as `$50.00`. */
  orderTotal: string;
  /** The `Referer` the page's request carried (null when none): where the shopper came from. */
  referer: string | null;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&"'<>]/g,
    (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c] ?? c,
  );

/**
 * @param cart - the shopper's active cart
 * @param context - the site, the options passed on, and the request's `Referer`
 * @returns what the page shows, as data
 */
export function hostedCheckoutView(
  cart: ShopperCart,
  context: Pick<HostedCheckoutView, 'siteId' | 'themeId' | 'locale' | 'referer'>,
): HostedCheckoutView {
  return {
    ...context,
    lineItems: cart.lineItems.lineItem.map((line) => ({
      productId: line.product.id,
      name: line.product.displayName,
      quantity: line.quantity,
      linePrice: line.pricing.formattedSalePriceWithQuantity,
    })),
    totalItems: cart.totalItemsInCart,
    orderTotal: cart.pricing.formattedOrderTotal,
  };
}

/**
 * Renders the emulator's stand-in for Digital River's hosted checkout: the cart it received,
 * line by line, with the total. Plain HTML with no script, like a first checkout step.
 *
 * @param view - what to show
 * @returns the page's HTML
 */
export function hostedCheckoutPage(view: HostedCheckoutView): string {
  const rows = view.lineItems
    .map(
      (line) =>
        `<tr data-testid="hosted-line" data-product-id="${escapeHtml(line.productId)}">` +
        `<td>${escapeHtml(line.name)}</td><td data-testid="hosted-quantity">${line.quantity}</td>` +
        `<td>${escapeHtml(line.linePrice)}</td></tr>`,
    )
    .join('');
  const options = [
    view.themeId === null ? '' : `theme ${escapeHtml(view.themeId)}`,
    view.locale === null ? '' : `locale ${escapeHtml(view.locale)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>Checkout · ${escapeHtml(view.siteId)}</title><style>body{font:16px/1.5 system-ui,sans-serif;` +
    'max-width:40rem;margin:2rem auto;padding:0 1rem}td,th{padding:.25rem .75rem;text-align:left}' +
    '</style></head><body><h1>Checkout</h1>' +
    `<p>Digital River hosted checkout (emulator), site ${escapeHtml(view.siteId)}` +
    `${options ? ` <span data-testid="hosted-options">(${options})</span>` : ''}.</p>` +
    (view.lineItems.length === 0
      ? '<p data-testid="hosted-empty">Your cart is empty.</p>'
      : `<table><thead><tr><th>Item</th><th>Quantity</th><th>Price</th></tr></thead><tbody>${rows}</tbody></table>`) +
    `<p>Total: <strong data-testid="hosted-total">${escapeHtml(view.orderTotal)}</strong></p>` +
    '</body></html>'
  );
}
