import { ErrorCode, InterceptorError } from '../errors.js';

/** A token endpoint's answer, read whole, for a provider's pure parse step. */
export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * Runs a provider's request step under a per-attempt timeout and reads the answer whole.
 *
 * @param send - the request step, given the signal to honour
 * @param signal - the caller's signal: set when nobody waits for the answer any more
 * @param timeoutMs - how long one attempt may take
 * @param endpoint - the endpoint's name, for the error
 * @returns the status and body
 * @throws the caller signal's reason once it aborted, or `TokenUnavailable` when the endpoint
 *   cannot be reached or does not answer in time
 */
export async function requestWithin(
  send: (signal: AbortSignal) => Promise<Response>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  endpoint: string,
): Promise<RawAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await send(signal ? AbortSignal.any([signal, timeout]) : timeout);
    return { status: response.status, body: await response.text() };
  } catch {
    if (signal?.aborted) throw signal.reason;
    // The cause (a TypeError or a timeout) says nothing a user can act on beyond this.
    throw new InterceptorError(ErrorCode.TokenUnavailable, `${endpoint} unreachable`);
  }
}
