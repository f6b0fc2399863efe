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
});
