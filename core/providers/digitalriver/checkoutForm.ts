import type { CheckoutOptions } from '../../checkout/CheckoutOptions.js';

/** Digital River's hand-off to its hosted checkout, under the Shopper API origin. */
export const WEB_CHECKOUT_PATH = '/v1/shoppers/me/carts/active/web-checkout';

/** A form that takes the shopper to Digital River's hosted checkout. */
export interface CheckoutForm {
  /** `{api}/v1/shoppers/me/carts/active/web-checkout` */
  action: string;
  /** The form's fields, in order: the token first, then the options given. */
  fields: [name: string, value: string][];
}

/**
 * Builds the `POST` to `web-checkout`. The token travels in the form body, never in a URL, so it
 * stays out of history, server logs and `Referer` headers; the API answers `302` to the hosted
 * checkout, a `GET` that holds no token.
 *
 * @param apiOrigin - the configured Shopper API origin
 * @param token - the session-aware access token
 * @param options - the theme and locale to pass on
 * @returns the form's action and fields
 */
export function checkoutForm(
  apiOrigin: string,
  token: string,
  options: CheckoutOptions,
): CheckoutForm {
  const fields: [string, string][] = [['token', token]];
  if (options.themeId !== undefined) fields.push(['themeId', options.themeId]);
  if (options.locale !== undefined) fields.push(['locale', options.locale]);
  return { action: `${apiOrigin}${WEB_CHECKOUT_PATH}`, fields };
}
