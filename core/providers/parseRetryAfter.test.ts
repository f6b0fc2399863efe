import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parseRetryAfter.js';

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });

  it("reads an HTTP date against the answer's own Date header, not the local clock", () => {
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:30 GMT', 'Sun, 29 Nov 2026 12:00:00 GMT')).toBe(
      30_000,
    );
  });

  it('caps a very long wait at ten minutes', () => {
    expect(parseRetryAfter('86400')).toBe(600_000);
  });

  it.each([
    ['absent', null, null],
    ['blank', ' ', null],
    ['negative', '-3', null],
    ['a fraction', '1.5', null],
    ['a date without a Date header', 'Sun, 29 Nov 2026 12:00:30 GMT', null],
    ['garbage', 'soon', 'Sun, 29 Nov 2026 12:00:00 GMT'],
  ])('ignores a Retry-After that is %s', (_, value, date) => {
    expect(parseRetryAfter(value, date)).toBeUndefined();
  });
});
