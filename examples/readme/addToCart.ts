// 'luma-mug-aurora' is a variant the emulator sells: see `catalog` in sw-token-interceptor/emulator.
const response = await fetch('https://api.firmly.work/api/v2/domains/my.shop/cart/line-items', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ add_to_cart_ref: { variant_id: 'luma-mug-aurora' }, quantity: 1 }),
});
const cart = await response.json();
console.log(response.status, cart.line_items.length);
