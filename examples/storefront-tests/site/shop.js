// The storefront's own code: plain fetch, no auth code at all.
const API = 'https://api.firmly.work/api/v2/domains/luma.gift/cart';

document.querySelector('[data-variant]').addEventListener('click', async (event) => {
  const message = document.querySelector('#message');
  message.textContent = '';
  try {
    const response = await fetch(`${API}/line-items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        add_to_cart_ref: { variant_id: event.target.dataset.variant },
        quantity: 1,
      }),
    });
    if (!response.ok) throw new Error(`cart answered ${response.status}`);
    const cart = await response.json();
    const count = cart.line_items.reduce((sum, item) => sum + item.quantity, 0);
    document.querySelector('#cart-count').textContent = String(count);
  } catch {
    message.textContent = "We couldn't reach your cart. Please try again in a moment.";
  }
});
