/**
 * A request body over the emulators' limit. It names no API's error shape: each emulator turns it
 * into its own API's 413 answer.
 */
export class RequestBodyTooLarge extends Error {
  override readonly name = 'RequestBodyTooLarge';
  /** The status to answer with. */
  readonly status = 413;

  /** @param limitBytes - the limit the body went past */
  constructor(readonly limitBytes: number) {
    super('Request body is too large.');
  }
}
