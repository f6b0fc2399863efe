import { JSONP_CALLBACK } from './wrapJsonp.js';

/**
 * Reads a JSONP answer back without running it, so a test can check what a page would receive.
 * A test helper: the emulator only writes JSONP.
 *
 * @param script - the answer's text
 * @returns the callback name and the value it would be called with
 * @throws TypeError when the text is not one call of an allowed name with a JSON argument
 */
export function unwrapJsonp(script: string): { callback: string; value: unknown } {
  const match = /^([^(]*)\(([\s\S]*)\);?$/.exec(script.trim());
  const callback = match?.[1] ?? '';
  if (!match || !JSONP_CALLBACK.test(callback)) throw new TypeError('not a JSONP answer');
  try {
    return { callback, value: JSON.parse(match[2] ?? '') };
  } catch {
    throw new TypeError('the JSONP argument is not JSON');
  }
}
