import { InterceptorError } from '../errors/errors.js';

/** What `checkout()` and the hand-off link may pass on to Digital River's hosted checkout. */
export interface CheckoutOptions {
  /** The hosted store's theme (`themeId`), which styles its pages. */
  themeId?: string;
  /** The shopper's locale on the hosted store, such as `en_US` (`locale`). */
  locale?: string;
}

/**
 * Where the hand-off lives, relative to the worker's scope: `/sw-token-interceptor/checkout` with
 * the default scope `/`. A public name: storefronts link to it.
 */
export const CHECKOUT_PATH = 'sw-token-interceptor/checkout';

const OPTION_NAMES = ['themeId', 'locale'] as const;
// Digital River's theme ids are numbers and its locales look like `en_US`; nothing else needs
// to travel, and this keeps the values inert wherever they are written.
const OPTION_VALUE = /^[\w.-]{1,64}$/;

/**
 * Reads the hand-off's options from its URL's query, the boundary every path shares (the
 * worker's link, the page's `checkout()`, the fallback's link).
 *
 * @param params - the hand-off URL's query
 * @returns the options present; other parameters are ignored
 * @throws InterceptorError `ConfigInvalid` naming a malformed option
 */
export function readCheckoutOptions(params: URLSearchParams): CheckoutOptions {
  const options: CheckoutOptions = {};
  for (const name of OPTION_NAMES) {
    const value = params.get(name);
    if (value === null) continue;
    if (!OPTION_VALUE.test(value)) {
      throw new InterceptorError(
        'ConfigInvalid',
        `checkout ${name} must be 1 to 64 letters, digits, '_', '.' or '-'`,
      );
    }
    options[name] = value;
  }
  return options;
}
