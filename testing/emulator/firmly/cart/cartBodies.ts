import { FirmlyApiError } from '../FirmlyApiError.js';
import type { ShippingInfo } from './cartBook.js';

// Reading cart request bodies: every malformed body is the caller's 400 `ErrorInvalidInputBody`.

const MAX_QUANTITY = 999;

function invalidBody(detail: string): FirmlyApiError {
  return new FirmlyApiError(400, 'ErrorInvalidInputBody', detail);
}

/**
 * @param body - the raw request body
 * @returns the body as a JSON object
 * @throws FirmlyApiError 400 unless a JSON object
 */
export function jsonObject(body: string): Record<string, unknown> {
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
 * @param body - a shipping-info body
 * @returns its string fields as sent; `country` is checked against the countries shipped to later
 * @throws FirmlyApiError 400 without a country
 */
export function shippingInfo(body: Record<string, unknown>): ShippingInfo {
  if (typeof body.country !== 'string' || body.country.trim() === '') {
    throw invalidBody('country must be an ISO 3166-1 alpha-2 code.');
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
