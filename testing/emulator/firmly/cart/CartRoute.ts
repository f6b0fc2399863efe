import type { CartBook } from './cartBook.js';

/** What a matched cart route needs to answer: the caller is already authenticated. */
export interface CartCall {
  deviceId: string;
  /** The raw request body; routes that take JSON parse it themselves. */
  body: string;
  book: CartBook;
}

/** Answers one cart call with the JSON body of a 200, or throws `FirmlyApiError`. */
export type CartRoute = (call: CartCall) => unknown;
