import type { ShippingInfo } from './cartBook.js';
import { FirmlyApiError } from './FirmlyApiError.js';

// Reading cart request bodies: every malformed body is the caller's 400 `ErrorInvalidInputBody`.

const MAX_QUANTITY = 999;

function invalidBody(detail: string): FirmlyApiError {
  return new FirmlyApiError(400, 'ErrorInvalidInputBody', detail);
}

/**
 * @param body - the raw request body
 * @param emptyIsObject - whether an empty body reads as `{}` (for routes whose body is optional)
 * @returns the body as a JSON object
 * @throws FirmlyApiError 400 unless a JSON object
 */
export function jsonObject(body: string, emptyIsObject = false): Record<string, unknown> {
  if (emptyIsObject && body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalidBody('Request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidBody('Request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/**
 * @param value - a quantity as sent (a number, or digits in a path)
 * @param min - the smallest quantity the route takes
 * @returns the quantity
 * @throws FirmlyApiError 400 unless a whole number from `min` to 999
 */
export function quantity(value: unknown, min: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > MAX_QUANTITY) {
    throw invalidBody(`quantity must be a whole number from ${min} to ${MAX_QUANTITY}.`);
  }
  return n;
}

/**
 * @param body - a v2 add-to-cart body
 * @returns `add_to_cart_ref.variant_id`
 * @throws FirmlyApiError 400 when missing
 */
export function addToCartVariant(body: Record<string, unknown>): string {
  const ref = body.add_to_cart_ref;
  const variantId =
    typeof ref === 'object' && ref !== null
      ? (ref as Record<string, unknown>).variant_id
      : undefined;
  if (typeof variantId !== 'string' || variantId === '') {
    throw invalidBody('add_to_cart_ref.variant_id is required.');
  }
  return variantId;
}

/**
 * Reads `variant_handles`, which Firmly's own client sends with every v1 add and update.
 *
 * @param body - a v1 line-item body
 * @returns the handles, or `undefined` when the body has none
 * @throws FirmlyApiError 400 unless an array of strings
 */
export function variantHandles(body: Record<string, unknown>): string[] | undefined {
  const handles = body.variant_handles;
  if (handles === undefined || handles === null) return undefined;
  if (!Array.isArray(handles) || !handles.every((handle) => typeof handle === 'string')) {
    throw invalidBody('variant_handles must be an array of strings.');
  }
  return handles;
}

/**
 * @param body - a shipping-info body
 * @returns its string fields; `country` is checked against the shipping table later
 * @throws FirmlyApiError 400 without a country
 */
export function shippingInfo(body: Record<string, unknown>): ShippingInfo {
  if (typeof body.country !== 'string' || body.country.trim() === '') {
    throw invalidBody('country must be an ISO 3166-1 alpha-2 code or a country name.');
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return { ...fields, country: body.country };
}

/**
 * @param body - a promo-codes body
 * @returns `promo_codes`
 * @throws FirmlyApiError 400 unless an array of strings
 */
export function promoCodes(body: Record<string, unknown>): string[] {
  const codes = body.promo_codes;
  if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string')) {
    throw invalidBody('promo_codes must be an array of strings.');
  }
  return codes;
}

/**
 * @param body - a shipping-method body, `{"shipping_method": "<sku>"}` as Firmly's client sends
 * @returns the method's SKU
 * @throws FirmlyApiError 400 when missing
 */
export function shippingMethodSku(body: Record<string, unknown>): string {
  const sku = body.shipping_method;
  if (typeof sku !== 'string' || sku === '') throw invalidBody('shipping_method is required.');
  return sku;
}

/**
 * @param body - a complete-order body, `{"payment_token": {"id": …}}` as Firmly's client sends
 * @throws FirmlyApiError 400 without a payment token id
 */
export function requirePaymentToken(body: Record<string, unknown>): void {
  const token = body.payment_token;
  const id =
    typeof token === 'object' && token !== null ? (token as Record<string, unknown>).id : undefined;
  if (typeof id !== 'string' || id === '') throw invalidBody('payment_token.id is required.');
}
