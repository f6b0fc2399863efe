import { InterceptorError } from '../errors/errors.js';

/**
 * @returns the error `checkout()` rejects with outside Digital River: Firmly completes orders
 *   through its own API (and its payment host), so there is no hosted checkout to hand off to
 */
export function checkoutUnsupported(): InterceptorError {
  return new InterceptorError(
    'ConfigInvalid',
    'checkout() is for Digital River only; Firmly completes orders through its own API',
  );
}
