import { describe, expect, it } from 'vitest';
import { type RetryPolicy, retryWithBackoff } from './retryWithBackoff.js';

function host(random = 1) {
  const clock = { now: 0 };
  const waits: number[] = [];
  return {
    clock,
    waits,
    now: () => clock.now,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock.now += ms;
    },
    random: () => random,
  };
}

/**
 * Retries a call that always fails with `message` and expects the retry to give up with that
 * failure; answers how many times the call ran.
 */
async function givesUpWith(
  message: string,
  h: ReturnType<typeof host>,
  policy: RetryPolicy,
  { retryable = true, eachCallTakesMs = 0, asksToWaitMs = 0 } = {},
): Promise<number> {
  let calls = 0;
  const failing = async () => {
    calls++;
    h.clock.now += eachCallTakesMs;
    throw new Error(message);
  };
  await expect(
    retryWithBackoff(
      failing,
      () => retryable,
      policy,
      h,
      undefined,
      () => asksToWaitMs,
    ),
  ).rejects.toThrow(message);
  return calls;
}

describe('retryWithBackoff', () => {
  it('doubles the ceiling up to its maximum', async () => {
    const h = host();
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 300, deadlineMs: 10_000 };
    expect(await givesUpWith('down', h, policy)).toBe(5);
    expect(h.waits).toEqual([100, 200, 300, 300]);
  });

  it('stops at the deadline even with attempts left', async () => {
    const h = host();
    const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 100, deadlineMs: 2500 };
    await givesUpWith('slow', h, policy, { eachCallTakesMs: 1000 });
    expect(h.waits).toHaveLength(2);
  });

  it('does not retry what is not retryable', async () => {
    const h = host();
    const policy = { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 100 };
    expect(await givesUpWith('fatal', h, policy, { retryable: false })).toBe(1);
  });

  it('waits at least as long as the failure asks (Retry-After), within the deadline', async () => {
    const h = host(0);
    let calls = 0;
    const limited = async () => {
      if (++calls === 1) throw new Error('429');
      return 'token';
    };
    const policy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 1500, deadlineMs: 6000 };
    await expect(
      retryWithBackoff(
        limited,
        () => true,
        policy,
        h,
        undefined,
        () => 2000,
      ),
    ).resolves.toBe('token');
    expect(h.waits).toEqual([2000]);
  });

  it('gives up at once, without another attempt, when the asked wait passes the deadline', async () => {
    const h = host(0);
    const policy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 1500, deadlineMs: 6000 };
    expect(await givesUpWith('429', h, policy, { asksToWaitMs: 30_000 })).toBe(1);
    expect(h.waits).toEqual([]);
  });
});
