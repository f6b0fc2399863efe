/** The body Firmly's cart endpoints answer with when a call fails. */
export interface FirmlyErrorBody {
  code: number;
  error: string;
  description: string;
}

/**
 * A failed API call, thrown deep inside the emulator and turned into a response in one place, so
 * every error leaves with the same `{code, error, description}` shape and CORS headers.
 */
export class FirmlyApiError extends Error {
  override readonly name = 'FirmlyApiError';
  /** The HTTP status, repeated as `code` in the body. */
  readonly status: number;
  /** Firmly's error name, such as `InvalidToken`. */
  readonly error: string;

  /**
   * @param status - the HTTP status
   * @param error - Firmly's error name
   * @param description - the human-readable detail
   */
  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }

  /** @returns the response body */
  toBody(): FirmlyErrorBody {
    return { code: this.status, error: this.error, description: this.message };
  }
}
