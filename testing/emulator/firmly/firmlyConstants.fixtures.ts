// Where and when the Firmly emulator's unit tests shop.

/** The shop domain every story's cart belongs to. */
export const DOMAIN = 'staging.luma.gift';
/** The v2 cart of {@link DOMAIN}. */
export const CART = `/api/v2/domains/${DOMAIN}/cart`;
/** A storefront on plain HTTP, as in development. */
export const SHOP_ORIGIN = 'http://localhost:8787';
/** A storefront on HTTPS, as in production. */
export const SHOP = 'https://shop.example';
/** A fixed server time: Monday 6 January 2025, noon UTC. */
export const T0 = Date.UTC(2025, 0, 6, 12, 0, 0);
/** An hour, in milliseconds. */
export const HOUR = 3600 * 1000;
/** A week, in milliseconds: how long after expiry Firmly renews a token. */
export const WEEK = 7 * 24 * HOUR;
