/** What the emulator charges to ship to a country. */
export interface ShippingRates {
  taxRate: number;
  /** Standard shipping; express costs a fixed amount more. */
  shippingCents: number;
}

// Invented rates: the public record says nothing about them, they only have to look plausible.
const RATES: Readonly<Record<string, ShippingRates>> = {
  US: { taxRate: 0.08, shippingCents: 599 },
  CA: { taxRate: 0.13, shippingCents: 999 },
  GB: { taxRate: 0.2, shippingCents: 1299 },
  DE: { taxRate: 0.19, shippingCents: 1299 },
  FR: { taxRate: 0.2, shippingCents: 1299 },
  NL: { taxRate: 0.21, shippingCents: 1299 },
  AU: { taxRate: 0.1, shippingCents: 1499 },
};

// Firmly's own browser client sends the country as a full name from some forms ("United States")
// and as "US" from others, so both are accepted.
const NAMES: Readonly<Record<string, string>> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  canada: 'CA',
  'united kingdom': 'GB',
  'great britain': 'GB',
  germany: 'DE',
  france: 'FR',
  netherlands: 'NL',
  'the netherlands': 'NL',
  australia: 'AU',
};

/**
 * Reads a shipping country as a client sends it: an ISO 3166-1 alpha-2 code in any case (as
 * Firmly documents) or an English country name (as Firmly's own client sends from some forms).
 *
 * @param country - the country as sent
 * @returns the ISO code and its rates, or `undefined` when the emulator does not ship there
 */
export function shippingCountry(
  country: string,
): { code: string; rates: ShippingRates } | undefined {
  const trimmed = country.trim();
  const code = /^[A-Za-z]{2}$/.test(trimmed)
    ? trimmed.toUpperCase()
    : NAMES[trimmed.toLowerCase().replace(/\s+/g, ' ')];
  const rates = code === undefined ? undefined : RATES[code];
  return code !== undefined && rates !== undefined ? { code, rates } : undefined;
}
