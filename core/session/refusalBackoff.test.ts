import { describe, expect, it } from 'vitest';
import { createRefusalBackoff } from './refusalBackoff.js';

const START = Date.UTC(2026, 10, 29, 12);

/** A backoff on a clock the test sets. */
function backoffUnderTest() {
  const clock = { now: START };
  return { clock, backoff: createRefusalBackoff(() => clock.now) };
}

/** A backoff that two refused tokens in a row have made wait. */
function backoffInAWait() {
  const underTest = backoffUnderTest();
  underTest.backoff.refused('t1');
  underTest.backoff.refused('t2');
  return underTest;
}

describe('a run of refused tokens', () => {
  it('lets the first refusal be renewed at once, and makes renewals wait from the second', () => {
    const { backoff } = backoffUnderTest();
    expect(backoff.refused('t1')).toBe(false);
    expect(() => backoff.throwIfWaiting()).not.toThrow();
    expect(backoff.refused('t2')).toBe(true);
    expect(() => backoff.throwIfWaiting()).toThrow(
      expect.objectContaining({
        code: 'TokenRefused',
        upstream: expect.objectContaining({ retryAfterMs: 10_000 }),
      }),
    );
  });

  it('counts a token met by many calls once, and asks to be reported once per run', () => {
    const { clock, backoff } = backoffUnderTest();
    const reports = ['t1', 't1', 't2', 't2', 't2'].map((token) => backoff.refused(token));
    expect(reports).toEqual([false, false, true, false, false]);
    clock.now += 10_000;
    expect(() => backoff.throwIfWaiting()).not.toThrow();
    expect(backoff.refused('t3')).toBe(false);
    expect(() => backoff.throwIfWaiting()).toThrow(
      expect.objectContaining({ upstream: expect.objectContaining({ retryAfterMs: 20_000 }) }),
    );
  });

  it('ends when a token is accepted: the next refusal is renewed at once again', () => {
    const { backoff } = backoffInAWait();
    backoff.accepted();
    expect(() => backoff.throwIfWaiting()).not.toThrow();
    expect(backoff.refused('t3')).toBe(false);
    expect(() => backoff.throwIfWaiting()).not.toThrow();
  });

  it('is not stretched by a clock set back: the wait ends instead', () => {
    const { clock, backoff } = backoffInAWait();
    clock.now -= 2 * 3600_000;
    expect(() => backoff.throwIfWaiting()).not.toThrow();
  });

  it('is forgotten on reset', () => {
    const { backoff } = backoffInAWait();
    backoff.reset();
    expect(() => backoff.throwIfWaiting()).not.toThrow();
    expect(backoff.refused('t2')).toBe(false);
  });
});
