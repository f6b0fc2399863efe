/** One entry of Digital River's error list. */
export interface DigitalRiverErrorEntry {
  /** Names the resource that failed, as a documentation URL. */
  relation: string;
  /** A machine-readable code, such as `invalid_token`. */
  code: string;
  description: string;
}

/** The body Digital River answers with when a call fails. */
export interface DigitalRiverErrorBody {
  errors: { error: DigitalRiverErrorEntry[] };
}

/** The relation Digital River names on token errors (from its public error samples). */
export const TOKEN_RELATION = 'https://developers.digitalriver.com/v1/shoppers/AccessTokenResource';
// Not in the public record: only token errors are shown there. It only has to look plausible.
/** The relation the emulator names on Shopper API cart errors. */
export const CART_RELATION = 'https://developers.digitalriver.com/v1/shoppers/CartsResource';

/**
 * A failed call, thrown deep inside the Digital River emulator and turned into a response in one
 * place, so every error leaves with the same `{errors: {error: [...]}}` shape and CORS headers.
 */
export class DigitalRiverApiError extends Error {
  override readonly name = 'DigitalRiverApiError';
  /** The HTTP status. */
  readonly status: number;
  /** Digital River's error code, such as `invalid_token`. */
  readonly code: string;
  /** The resource the error names. */
  readonly relation: string;

  /**
   * @param status - the HTTP status
   * @param code - Digital River's error code
   * @param description - the human-readable detail
   * @param relation - the resource the error names; the cart resource unless given
   */
  constructor(status: number, code: string, description: string, relation = CART_RELATION) {
    super(description);
    this.status = status;
    this.code = code;
    this.relation = relation;
  }

  /** @returns the response body */
  toBody(): DigitalRiverErrorBody {
    return {
      errors: {
        error: [{ relation: this.relation, code: this.code, description: this.message }],
      },
    };
  }
}
