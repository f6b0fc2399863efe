/**
 * The callback names the store accepts: a JavaScript identifier, optionally dotted (jQuery and
 * hand-written loaders both fit), and short. Anything else could smuggle script into the answer.
 */
export const JSONP_CALLBACK = /^[A-Za-z_$][\w$.]{0,63}$/;

/**
 * Wraps a value in a JSONP call, as the store's `SessionToken` action answers a script tag.
 *
 * @param callback - the page's callback name, already checked against {@link JSONP_CALLBACK}
 * @param value - the JSON body
 * @returns the script text, `callback(json);`
 * @throws TypeError for a callback name that is not allowed
 * @example
 * wrapJsonp('drCallback', { session_token: 'ABC' }); // 'drCallback({"session_token":"ABC"});'
 */
export function wrapJsonp(callback: string, value: unknown): string {
  if (!JSONP_CALLBACK.test(callback)) throw new TypeError('callback is not an allowed name');
  return `${callback}(${JSON.stringify(value)});`;
}
