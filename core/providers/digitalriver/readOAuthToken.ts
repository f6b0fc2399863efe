import { readLifetimeSeconds } from '../readLifetimeSeconds.js';

/** A Digital River token, before it is placed on the local clock. */
export interface OAuthToken {
  token: string;
  /** Absent when the API sends none (the WordPress plugin tolerates that too). */
  refreshToken?: string;
  expiresInSeconds: number;
}

/**
 * Reads a token from either form Digital River answers with: wrapped (`{token: {…}}`) or flat.
 * `expires_in` comes as a string in the docs (`"86397"`) and as a number elsewhere; both count.
 * `refresh_token` may be missing, null or empty: then renewal re-exchanges the session token.
 *
 * @param value - parsed JSON
 * @returns the token, or undefined when a field is missing or of the wrong type
 */
export function readOAuthToken(value: unknown): OAuthToken | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const wrapped = (value as { token?: unknown }).token;
  const fields = (typeof wrapped === 'object' && wrapped !== null ? wrapped : value) as Record<
    string,
    unknown
  >;
  const { access_token, refresh_token, expires_in } = fields;
  const lifetime = readLifetimeSeconds(expires_in);
  if (
    typeof access_token !== 'string' ||
    access_token === '' ||
    (refresh_token !== undefined && refresh_token !== null && typeof refresh_token !== 'string') ||
    lifetime === undefined
  ) {
    return undefined;
  }
  const token: OAuthToken = { token: access_token, expiresInSeconds: lifetime };
  if (typeof refresh_token === 'string' && refresh_token !== '') token.refreshToken = refresh_token;
  return token;
}
