const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
// Short presented values are left alone: replacing "a" everywhere would garble the log.
const MIN_SECRET_LENGTH = 8;

/**
 * Removes session tokens from text before it is kept or shown. Both JWT-shaped strings and the exact
 * value a caller presented are replaced, because a garbage token is no less secret to its owner.
 *
 * @param text - text that may hold a token (a path, a body)
 * @param presented - the credential the request carried, if any
 * @returns the text with every token replaced by `[redacted]`
 */
export function redactTokens(text: string, presented?: string): string {
  let result = text.replace(JWT, '[redacted]');
  if (presented && presented.length >= MIN_SECRET_LENGTH) {
    result = result.split(presented).join('[redacted]');
  }
  return result;
}
