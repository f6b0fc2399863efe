// A short list, not the world: the public record names no supported countries, and a storefront's
// test needs one country that ships and one that does not (decision 020).
const SUPPORTED: ReadonlySet<string> = new Set(['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU']);

/**
 * Reads a shipping country as Firmly documents it, an ISO 3166-1 alpha-2 code, in any case.
 *
 * @param country - the country as sent
 * @returns the code in upper case, or `undefined` when the emulator does not ship there (a full
 *   country name included)
 * @example
 * shippingCountry('us'); // 'US'
 * shippingCountry('United States'); // undefined
 */
export function shippingCountry(country: string): string | undefined {
  const code = country.trim().toUpperCase();
  return SUPPORTED.has(code) ? code : undefined;
}
