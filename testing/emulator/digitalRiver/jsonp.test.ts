import { describe, expect, it } from 'vitest';
import { unwrapJsonp } from './unwrapJsonp.fixtures.js';
import { wrapJsonp } from './wrapJsonp.js';

describe('JSONP', () => {
  it('wraps a value in a call a script tag runs, and reads it back', () => {
    const script = wrapJsonp('jQuery36_1.cb', { session_token: 'AB12' });
    expect(script).toBe('jQuery36_1.cb({"session_token":"AB12"});');
    expect(unwrapJsonp(script)).toEqual({
      callback: 'jQuery36_1.cb',
      value: { session_token: 'AB12' },
    });
  });

  it('refuses a callback name that would run other code', () => {
    for (const name of ['alert(1)//x', 'a b', '9lives', '', `a${'b'.repeat(64)}`]) {
      expect(() => wrapJsonp(name, {}), name).toThrow(TypeError);
    }
  });

  it('refuses to read anything but one call with a JSON argument', () => {
    for (const script of ['{"a":1}', 'cb({a:1});', 'alert(1)//x({});', 'cb(']) {
      expect(() => unwrapJsonp(script), script).toThrow(TypeError);
    }
  });
});
