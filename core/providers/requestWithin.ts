import { InterceptorError } from '../errors/errors.js';
import { parseRetryAfter } from './parseRetryAfter.js';

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
 *   cannot be reached or does not answer in time, or asks us to slow
 *   down (`429`, its `Retry-After` kept in `upstream` for the session to honour)
 */
export async function requestWithin(
  send: (signal: AbortSignal) => Promise<Response>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  endpoint: string,
): Promise<RawAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let answer: RawAnswer & { retryAfterMs?: number | undefined };
  try {
    const response = await send(signal ? AbortSignal.any([signal, timeout]) : timeout);
    answer = {
      status: response.status,
      body: await response.text(),
      retryAfterMs: parseRetryAfter(
        response.headers.get('retry-after'),
        response.headers.get('date'),
      ),
    };
  } catch {
    if (signal?.aborted) throw signal.reason;
    // The cause (a TypeError or a timeout) says nothing a user can act on beyond this.
    throw new InterceptorError('TokenUnavailable', `${endpoint} unreachable`);
  }
  const { status, body, retryAfterMs } = answer;
  if (status === 429) {
    // Rate limiting means the same for every token endpoint: nothing was issued, wait and retry.
    throw new InterceptorError('TokenUnavailable', `${endpoint} answered 429`, {
      status,
      body,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  return { status, body };
}
