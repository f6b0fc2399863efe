import { describe, expect, it } from 'vitest';
import { retryWithBackoff } from './retryWithBackoff.js';

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

describe('retryWithBackoff', () => {
  it('doubles the ceiling up to its maximum', async () => {
    const h = host();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('down');
    };
    await expect(
      retryWithBackoff(
        failing,
        () => true,
        { attempts: 5, baseDelayMs: 100, maxDelayMs: 300, deadlineMs: 10_000 },
        h,
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(5);
    expect(h.waits).toEqual([100, 200, 300, 300]);
  });

  it('stops at the deadline even with attempts left', async () => {
    const h = host();
    const slow = async () => {
      h.clock.now += 1000;
      throw new Error('slow');
    };
    await expect(
      retryWithBackoff(
        slow,
        () => true,
        { attempts: 10, baseDelayMs: 100, maxDelayMs: 100, deadlineMs: 2500 },
        h,
      ),
    ).rejects.toThrow('slow');
    expect(h.waits).toHaveLength(2);
  });

  it('does not retry what is not retryable', async () => {
    const h = host();
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw new Error('fatal');
        },
        () => false,
        { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 100 },
        h,
      ),
    ).rejects.toThrow('fatal');
    expect(calls).toBe(1);
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
    let calls = 0;
    const limited = async () => {
      calls++;
      throw new Error('429');
    };
    const policy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 1500, deadlineMs: 6000 };
    await expect(
      retryWithBackoff(
        limited,
        () => true,
        policy,
        h,
        undefined,
        () => 30_000,
      ),
    ).rejects.toThrow('429');
    expect(calls).toBe(1);
    expect(h.waits).toEqual([]);
  });
});
