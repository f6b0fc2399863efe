import type { CartRoute } from './cart/CartRoute.js';
import { FirmlyApiError } from './FirmlyApiError.js';

const VALIDATE_OTP = /^\/api\/v1\/domains\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\/session\/validate-otp$/;

/**
 * Matches `POST /api/v1/domains/{domain}/session/validate-otp`, which Firmly's own client calls to
 * check a one-time password. The emulator sends no OTP anywhere, so every OTP is wrong: it answers
 * `401 {"code":401,"error":"InvalidOtp"}`, a 401 that is not about the session token, which a
 * client must show the shopper rather than renew and resend.
 *
 * @param method - the request method
 * @param path - the request path
 * @returns the route, or undefined when the request is not an OTP check
 */
export function matchOtpRoute(method: string, path: string): CartRoute | undefined {
  if (method !== 'POST' || !VALIDATE_OTP.test(path)) return undefined;
  return () => {
    throw new FirmlyApiError(401, 'InvalidOtp', 'The one-time password is invalid.');
  };
}
