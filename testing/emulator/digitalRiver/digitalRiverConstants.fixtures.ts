// Where and when the Digital River emulator's unit tests shop.

/** The site the emulator serves by default. */
export const SITE = 'demoSite';
/** The public API key the emulator accepts by default. */
export const API_KEY = 'demo-public-key';
/** The shopper's active cart on the Shopper API. */
export const CART = '/v1/shoppers/me/carts/active';
/** A fixed server time: Monday 6 January 2025, noon UTC. */
export const T0 = Date.UTC(2025, 0, 6, 12, 0, 0);
/** An access or refresh token as the emulator issues them. */
export const HEX_64 = /^[0-9a-f]{64}$/;
/** A storefront on plain HTTP, as in development. */
export const SHOP_ORIGIN = 'http://localhost:8787';
/** A storefront on HTTPS, as in production. */
export const SHOP = 'https://shop.example';
