/**
 * @param authorization - an `Authorization` header, if any
 * @returns the token of a `bearer` header (the scheme in any case, as Digital River's clients
 *   write both), or `undefined` for any other shape
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
}
