/** An amount as the Firmly Cart API writes it: the same value both as a decimal and in cents. */
export interface Money {
  currency: 'USD';
  value: number;
  symbol: '$';
  number: number;
}

/**
 * Builds a money object from cents. The emulator counts in integer cents and converts only at the
 * edge, so `value` never carries floating-point drift from repeated additions.
 *
 * @param cents - the amount in US cents
 * @returns the amount in the API's money shape
 * @example
 * money(2200); // { currency: 'USD', value: 22, symbol: '$', number: 2200 }
 */
export function money(cents: number): Money {
  return { currency: 'USD', value: cents / 100, symbol: '$', number: cents };
}
