// As XHR's send() and the Fetch standard have it: a GET or HEAD has no body, whatever is passed.
const BODYLESS = new Set(['GET', 'HEAD']);
// RFC 9110 §9.2.2: sending these twice has the effect of sending them once.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a call with this method goes out without a body (`GET`, `HEAD`).
 *
 * @param method - the method, in any case (an XHR's is as the page wrote it)
 * @returns whether it carries no body
 */
export function carriesNoBody(method: string): boolean {
  return BODYLESS.has(method.toUpperCase());
}

/**
 * Whether a call with this method may be sent twice behind the page's back (`GET`, `HEAD`,
 * `OPTIONS`, `PUT`, `DELETE`): the replays of decisions 017 and 018 are for these alone.
 *
 * @param method - the method, in any case
 * @returns whether it is idempotent
 */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}
