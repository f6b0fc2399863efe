// The demo shop. Its cart calls are plain fetch() with no auth code at all: attaching the
// shopper's token is the service worker's job, which is the point of the demo.

const DOMAIN = 'staging.luma.gift';
const RECENT_CALLS_SHOWN = 5;

const tag = document.querySelector('script[data-api-origin]');
const apiOrigin = tag instanceof HTMLElement ? tag.dataset.apiOrigin : undefined;
const cartUrl = `${apiOrigin}/api/v2/domains/${DOMAIN}/cart`;
const interceptor = window.swTokenInterceptor;
const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** @param {string} id */
function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page is missing #${id}`);
  return found;
}

const ui = {
  grid: element('product-grid'),
  cartCount: element('cart-count'),
  cartLines: element('cart-lines'),
  cartEmpty: element('cart-empty'),
  cartTotals: element('cart-totals'),
  cartTotal: element('cart-total'),
  clearCart: /** @type {HTMLButtonElement} */ (element('clear-cart')),
  deviceId: element('device-id'),
  tokenExpiry: element('token-expiry'),
  interceptedCount: element('intercepted-count'),
  recentCalls: element('recent-calls'),
  errorBanner: element('error-banner'),
  errorMessage: element('error-message'),
  sessionHint: element('session-hint'),
  status: element('status'),
};

let productsById = new Map();
let expiresAt;
let deviceId;
let intercepted = 0;
// Responses can overtake each other; only a newer cart may replace the one shown.
let cartRequestsSent = 0;
let cartRendered = 0;

/** Shows a message in the alert region, which screen readers announce at once. */
function showError(message) {
  ui.errorMessage.textContent = message;
  ui.errorBanner.hidden = false;
}

/** Turns whatever failed into one readable line that keeps the error code searchable. */
function errorText(error) {
  if (error && typeof error === 'object') {
    const { code, message } = error;
    if (typeof message === 'string' && typeof code === 'string') return `${message} (${code})`;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

function announce(message) {
  ui.status.textContent = message;
}

/** Money from the API; `number` (cents) is the fallback because `value` is the documented field. */
function formatMoney(money) {
  if (!money) return price.format(0);
  return price.format(typeof money.value === 'number' ? money.value : money.number / 100);
}

/**
 * Calls the Cart API exactly as a storefront without this library would, and throws the API's
 * own error code when the call fails.
 */
async function cartCall(path, init = {}) {
  const res = await fetch(`${cartUrl}${path}`, init);
  const body = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = new Error(
      body?.description ?? body?.message ?? 'The cart service refused the request',
    );
    error.code = body?.error ?? `HTTP ${res.status}`;
    throw error;
  }
  return body;
}

/** Sends a cart call and shows its answer, unless a newer answer is already on screen. */
async function updateCart(path, init, success) {
  const sequence = ++cartRequestsSent;
  try {
    const cart = await cartCall(path, init);
    if (sequence > cartRendered) {
      cartRendered = sequence;
      renderCart(cart);
    }
    if (success) announce(success);
  } catch (error) {
    showError(
      error instanceof TypeError
        ? 'The cart service could not be reached. Check your connection and try again.'
        : errorText(error),
    );
  }
}

function addToCart(product) {
  return updateCart(
    '/line-items',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ add_to_cart_ref: { variant_id: product.id }, quantity: 1 }),
    },
    `${product.name} added to your cart.`,
  );
}

function setQuantity(line, quantity) {
  const name = productsById.get(line.sku)?.name ?? line.description;
  return updateCart(
    `/line-items/${encodeURIComponent(line.line_item_id)}`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quantity }),
    },
    quantity === 0 ? `${name} removed from your cart.` : `${name}: quantity ${quantity}.`,
  );
}

function create(tagName, className, text) {
  const node = document.createElement(tagName);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
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
        create('p', 'product-card__price', price.format(product.priceCents / 100)),
      );
      const button = create('button', 'button', 'Add to cart');
      button.type = 'button';
      button.dataset.testid = 'add-to-cart';
      button.dataset.variantId = product.id;
      button.append(create('span', 'visually-hidden', `: ${product.name}`));
      button.addEventListener('click', () => addToCart(product));
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

function renderCart(cart) {
  const lines = Array.isArray(cart?.line_items) ? cart.line_items : [];
  ui.cartLines.replaceChildren(
    ...lines.map((line) => {
      const product = productsById.get(line.sku);
      const name = product?.name ?? line.description;
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
        create('span', 'cart-line__price', formatMoney(line.line_price)),
      );
      return item;
    }),
  );
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  ui.cartCount.textContent = String(count);
  ui.cartEmpty.hidden = lines.length > 0;
  ui.clearCart.disabled = lines.length === 0;

  const rows = [['Subtotal', cart?.sub_total]];
  if (cart?.discount_total?.number > 0) rows.push(['Discount', cart.discount_total, '−']);
  if (cart?.shipping_info) rows.push(['Shipping', cart.shipping_total], ['Tax', cart.tax]);
  ui.cartTotals.replaceChildren(
    ...rows.flatMap(([label, money, sign = '']) => [
      create('dt', '', label),
      create('dd', '', `${sign}${formatMoney(money)}`),
    ]),
  );
  ui.cartTotal.textContent = formatMoney(cart?.total);
}

function renderExpiry() {
  if (expiresAt === undefined) return;
  const seconds = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
  const two = (n) => String(n).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  ui.tokenExpiry.textContent =
    seconds === 0
      ? 'Expired; renews on the next call'
      : h > 0
        ? `${h}:${two(m)}:${two(s)}`
        : `${m}:${two(s)}`;
  ui.tokenExpiry.dataset.expiresAt = String(expiresAt);
}

function showSession(session) {
  const deviceChanged = deviceId !== undefined && session.deviceId !== deviceId;
  deviceId = session.deviceId;
  expiresAt = session.expiresAt;
  ui.deviceId.textContent = session.deviceId;
  ui.deviceId.title = session.deviceId;
  renderExpiry();
  // A new device means Firmly started an empty cart, so the one on screen is stale.
  if (deviceChanged) updateCart('', {}, 'A new session started.');
}

function showIntercept(call) {
  intercepted += 1;
  ui.interceptedCount.textContent = String(intercepted);
  let path = call.url;
  try {
    // The domain prefix is the same on every call; the part after it tells them apart.
    path = new URL(call.url).pathname.replace(`/api/v2/domains/${DOMAIN}/`, '');
  } catch {
    // Not a URL we can shorten; show it whole.
  }
  const item = create('li', 'recent-calls__item');
  item.title = `${call.method} ${call.url} → ${call.status}`;
  item.append(
    create('span', 'recent-calls__method', call.method),
    create('span', 'recent-calls__path', path),
    create(
      'span',
      call.status < 400 ? 'recent-calls__status' : 'recent-calls__status is-error',
      String(call.status),
    ),
  );
  ui.recentCalls.prepend(item);
  while (ui.recentCalls.children.length > RECENT_CALLS_SHOWN)
    ui.recentCalls.lastElementChild?.remove();
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

async function startSession() {
  if (!interceptor) {
    ui.deviceId.textContent = 'Unavailable';
    ui.sessionHint.textContent =
      'The session script is not running, so cart calls go out without a token and are refused.';
    showError(
      'The session script did not load, so the cart cannot be reached (swTokenInterceptor is missing).',
    );
    return false;
  }
  interceptor.on('session', showSession);
  interceptor.on('intercept', showIntercept);
  interceptor.on('error', (error) => showError(errorText(error)));
  try {
    await interceptor.ready;
    showSession(await interceptor.session());
    return true;
  } catch (error) {
    ui.deviceId.textContent = 'Unavailable';
    showError(errorText(error));
    return false;
  }
}

element('error-dismiss').addEventListener('click', () => {
  ui.errorBanner.hidden = true;
  ui.errorMessage.textContent = '';
});
ui.clearCart.addEventListener('click', () =>
  updateCart('/line-items', { method: 'DELETE' }, 'Your cart is now empty.'),
);
setInterval(renderExpiry, 1000);

await loadCatalog();
if (!apiOrigin) {
  showError('The page has no Cart API origin (data-api-origin is missing on the script tag).');
} else if (await startSession()) {
  await updateCart('', {});
}
