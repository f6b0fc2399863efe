// The shop itself, the same for every provider: the product grid, the cart, and the start-up
// order. Each provider's entry script (shop.js, shop-dr.js) only says how to call its cart API.
import { create, element } from './dom.js';
import { announce, errorText, showError } from './notices.js';
import { startSessionPanel } from './sessionPanel.js';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * @param {number} dollars
 * @returns {string} the amount as the shop shows prices, such as `$22.00`
 */
export function formatUsd(dollars) {
  return usd.format(dollars);
}

/**
 * A cart as the shop draws it, whatever the provider's API answered.
 * @typedef {object} CartView
 * @property {{id: string, sku: string, name: string, quantity: number, linePrice: string}[]} lines
 * @property {[string, string][]} rows - labelled amounts shown above the total
 * @property {string} total
 */

/**
 * How the shop talks to one provider's cart API. Every call resolves to the new cart, or throws
 * an error with the API's own `code` and `message`.
 * @typedef {object} CartApi
 * @property {() => Promise<CartView>} load
 * @property {(product: {id: string}) => Promise<CartView>} add
 * @property {(line: CartView['lines'][number], quantity: number) => Promise<CartView>} setQuantity
 *   - 0 removes the line
 * @property {() => Promise<CartView>} clear
 * @property {(url: string) => string} shortenPath - the part of a call's URL worth showing
 * @property {{label: string, go: () => Promise<void>}} [checkout] - a provider's hand-off to its
 *   hosted checkout, where it has one (Digital River)
 */

/**
 * Builds an error for a refused cart call, shaped like the library's coded errors so the banner
 * shows both alike.
 *
 * @param {string | undefined} message - the API's description
 * @param {string | undefined} code - the API's error code
 * @param {number} status - the HTTP status, shown when the API gave no code
 * @returns {Error & {code: string}}
 */
export function cartError(message, code, status) {
  const error = /** @type {Error & {code: string}} */ (
    new Error(message ?? 'The cart service refused the request')
  );
  error.code = code ?? `HTTP ${status}`;
  return error;
}

const ui = {
  grid: element('product-grid'),
  cartCount: element('cart-count'),
  cartLines: element('cart-lines'),
  cartEmpty: element('cart-empty'),
  cartTotals: element('cart-totals'),
  cartTotal: element('cart-total'),
  clearCart: /** @type {HTMLButtonElement} */ (element('clear-cart')),
  /** @type {HTMLButtonElement | undefined} */
  checkout: undefined,
};

const MISSING_ORIGIN =
  'The page has no Cart API origin (data-api-origin is missing on the script tag).';

/** @type {CartApi | undefined} */
let cartApi;
let productsById = new Map();
// Calls that overlap can reach the server in another order than they were sent (a 401 retry
// sends one again, later), so no answer among them can be trusted to be the latest cart. The
// cart shown is only ever the answer of a call that ran alone: when calls overlapped, the cart
// is read once more after the last of them settled.
let cartCallsInFlight = 0;
let overlapped = false;

/**
 * Sends a cart call and shows its answer, or, when it overlapped others, the cart read again
 * once they have all settled.
 *
 * @param {(api: CartApi) => Promise<CartView>} call
 * @param {string} [success] - announced once the call succeeded
 */
async function updateCart(call, success) {
  if (!cartApi) {
    showError(MISSING_ORIGIN);
    return;
  }
  cartCallsInFlight++;
  overlapped ||= cartCallsInFlight > 1;
  /** @type {CartView | undefined} */
  let cart;
  try {
    cart = await call(cartApi);
    if (success) announce(success);
  } catch (error) {
    showError(
      error instanceof TypeError
        ? 'The cart service could not be reached. Check your connection and try again.'
        : errorText(error),
    );
  } finally {
    cartCallsInFlight--;
  }
  if (cartCallsInFlight > 0) return;
  if (overlapped) {
    overlapped = false;
    await updateCart((api) => api.load());
  } else if (cart) {
    renderCart(cart);
  }
}

function renderProducts(products) {
  productsById = new Map(products.map((product) => [product.id, product]));
  ui.grid.replaceChildren(
    ...products.map((product) => {
      const card = create('li', 'product-card');
      card.dataset.testid = 'product-card';
      const picture = create('div', 'product-card__picture', product.emoji);
      picture.style.backgroundColor = product.color;
      picture.setAttribute('aria-hidden', 'true');
      const body = create('div', 'product-card__body');
      const name = create('h2', 'product-card__name', product.name);
      name.id = `product-${product.id}`;
      body.append(
        name,
        create('p', 'product-card__description', product.description),
        create('p', 'product-card__price', formatUsd(product.priceCents / 100)),
      );
      const button = create('button', 'button', 'Add to cart');
      button.type = 'button';
      button.dataset.testid = 'add-to-cart';
      button.dataset.variantId = product.id;
      button.append(create('span', 'visually-hidden', `: ${product.name}`));
      button.addEventListener('click', () =>
        updateCart((api) => api.add(product), `${product.name} added to your cart.`),
      );
      body.append(button);
      card.append(picture, body);
      return card;
    }),
  );
  ui.grid.removeAttribute('aria-busy');
}

function quantityButton(label, text, onClick) {
  const button = create('button', 'quantity__button', text);
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.addEventListener('click', onClick);
  return button;
}

function setQuantity(line, quantity) {
  const name = productsById.get(line.sku)?.name ?? line.name;
  return updateCart(
    (api) => api.setQuantity(line, quantity),
    quantity === 0 ? `${name} removed from your cart.` : `${name}: quantity ${quantity}.`,
  );
}

/** @param {CartView} cart */
function renderCart(cart) {
  ui.cartLines.replaceChildren(
    ...cart.lines.map((line) => {
      const product = productsById.get(line.sku);
      const name = product?.name ?? line.name;
      const item = create('li', 'cart-line');
      item.dataset.testid = 'cart-line';
      item.dataset.sku = line.sku;
      const thumb = create('span', 'cart-line__thumb', product?.emoji ?? '🎁');
      thumb.setAttribute('aria-hidden', 'true');
      if (product) thumb.style.backgroundColor = product.color;
      const quantity = create('div', 'quantity');
      quantity.append(
        quantityButton(`Remove one ${name}`, '−', () => setQuantity(line, line.quantity - 1)),
        create('span', 'quantity__value', String(line.quantity)),
        quantityButton(`Add one more ${name}`, '+', () => setQuantity(line, line.quantity + 1)),
      );
      item.append(
        thumb,
        create('span', 'cart-line__name', name),
        quantity,
        create('span', 'cart-line__price', line.linePrice),
      );
      return item;
    }),
  );
  ui.cartCount.textContent = String(cart.lines.reduce((sum, line) => sum + line.quantity, 0));
  ui.cartEmpty.hidden = cart.lines.length > 0;
  ui.clearCart.disabled = cart.lines.length === 0;
  if (ui.checkout) ui.checkout.disabled = cart.lines.length === 0;
  ui.cartTotals.replaceChildren(
    ...cart.rows.flatMap(([label, amount]) => [create('dt', '', label), create('dd', '', amount)]),
  );
  ui.cartTotal.textContent = cart.total;
}

async function loadCatalog() {
  try {
    const res = await fetch('/catalog.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    renderProducts(await res.json());
  } catch {
    showError('The product list could not be loaded. Please reload the page.');
  }
}

/**
 * Runs the shop: products, then the session, then the cart. The cart is asked for only once a
 * session runs, so a page whose library failed makes no cart calls that could only be refused.
 *
 * @param {(apiOrigin: string) => CartApi} connect - builds the provider's cart API for the origin
 *   on the library's script tag (`data-api-origin`, or the first of `data-api-origins`)
 * @returns {Promise<void>} once the first cart is on screen, or the failure is shown
 */
export async function startShop(connect) {
  const tag = document.querySelector('script[data-api-origin], script[data-api-origins]');
  // With several origins, the first is the Cart API's own.
  const apiOrigin =
    tag instanceof HTMLElement
      ? (tag.dataset.apiOrigin ?? tag.dataset.apiOrigins?.split(/\s+/).find(Boolean))
      : undefined;
  cartApi = apiOrigin ? connect(apiOrigin) : undefined;
  ui.clearCart.addEventListener('click', () =>
    updateCart((api) => api.clear(), 'Your cart is now empty.'),
  );
  const checkout = cartApi?.checkout;
  if (checkout) {
    const button = /** @type {HTMLButtonElement} */ (create('button', 'button', checkout.label));
    button.type = 'button';
    button.disabled = true;
    button.dataset.testid = 'checkout';
    // The page leaves on success; it stays, and says why, when the hand-off cannot go ahead.
    button.addEventListener('click', () =>
      checkout.go().catch((error) => showError(errorText(error))),
    );
    ui.clearCart.before(button);
    ui.checkout = button;
  }

  await loadCatalog();
  if (!cartApi) {
    showError(MISSING_ORIGIN);
    return;
  }
  const running = await startSessionPanel({
    shortenPath: cartApi.shortenPath,
    onNewDevice: () => updateCart((api) => api.load(), 'A new session started.'),
  });
  if (running) await updateCart((api) => api.load());
}
