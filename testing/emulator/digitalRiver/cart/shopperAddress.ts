import { DigitalRiverApiError } from '../DigitalRiverApiError.js';
import type { ShopperAddress } from './shopperCartBook.js';

function invalid(detail: string): DigitalRiverApiError {
  return new DigitalRiverApiError(400, 'invalid_request', detail);
}

/**
 * Reads the body of `PUT carts/active/shipping-address` or `billing-address`. Digital River wraps
 * an address as `{"address": {...}}`; a bare object is taken too, since the public record shows
 * neither. Only the string fields are kept.
 *
 * @param body - the raw request body
 * @returns the address, `country` in upper case when given
 * @throws DigitalRiverApiError 400 `invalid_request` for a body that holds no address, or a
 *   country that is not an ISO 3166-1 alpha-2 code
 */
export function shopperAddress(body: string): ShopperAddress {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalid('Request body is not valid JSON.');
  }
  const record = value as Record<string, unknown> | null;
  const inner = typeof record?.address === 'object' ? record.address : record;
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
    throw invalid('Request body must hold an address object.');
  }
  const fields: ShopperAddress = {};
  for (const [key, field] of Object.entries(inner)) {
    if (typeof field === 'string') fields[key] = field;
  }
  if (fields.country === undefined) return fields;
  if (!/^[A-Za-z]{2}$/.test(fields.country)) {
    throw invalid('country must be an ISO 3166-1 alpha-2 code.');
  }
  return { ...fields, country: fields.country.toUpperCase() };
}
