import type { Clock } from '../Clock.js';

/** How hard to try before giving up. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first back-off ceiling; it doubles each attempt. */
  baseDelayMs: number;
  /** The largest back-off ceiling. */
  maxDelayMs: number;
  /** No attempt starts after this long from the first. */
  deadlineMs: number;
}

/** A few attempts inside a few seconds: a shopper waits on the cart call meanwhile. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 1500,
  deadlineMs: 6000,
};

/** What back-off needs from its host; injected so tests run without sleeping. */
export interface BackoffHost {
  now: Clock;
  /** Waits; rejects with the signal's reason as soon as it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

/**
 * Calls `fn` until it succeeds, a failure is not retryable, the policy is spent, or `signal`
 * aborts. Waits use "full jitter" (a random wait up to the ceiling) so many shoppers failing at
 * once do not retry in lockstep.
 *
 * @param fn - the attempt
 * @param isRetryable - whether a failure is worth another attempt
 * @param policy - limits
 * @param host - clock, sleep and randomness
 * @param signal - stops retrying, and cuts a wait short, when nobody needs the result any more
 * @param minDelayMs - the least wait a failure asks for (an API's `Retry-After`); when it would
 *   pass the deadline, the failure is final at once rather than retried early
 * @returns what `fn` returned
 * @throws the last failure, or the signal's reason
 */
export async function retryWithBackoff<T>(
  fn: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  host: BackoffHost,
  signal?: AbortSignal,
  minDelayMs: (error: unknown) => number = () => 0,
): Promise<T> {
  const start = host.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.max(Math.round(host.random() * ceiling), minDelayMs(error));
      if (host.now() + delay - start > policy.deadlineMs) throw error;
      await host.sleep(delay, signal);
      signal?.throwIfAborted();
    }
  }
}
