import { catalog, startFirmlyEmulator } from 'sw-token-interceptor/emulator';

const firmly = await startFirmlyEmulator();
// … get a token from `${firmly.origin}/api/v1/browser-session`, then:
await fetch(`${firmly.origin}/api/v2/domains/my.shop/cart/line-items`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-firmly-authorization': token },
  body: JSON.stringify({ add_to_cart_ref: { variant_id: catalog[0].id }, quantity: 1 }),
});
