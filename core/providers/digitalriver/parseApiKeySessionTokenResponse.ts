import { InterceptorError } from '../../errors/errors.js';
import { readErrorCode } from './readErrorCode.js';
import { type OAuthToken, readOAuthToken } from './readOAuthToken.js';

/** @returns the `token_type` of a flat or wrapped token answer, as sent */
function tokenTypeOf(data: object): unknown {
  const wrapped = (data as { token?: unknown }).token;
  const fields = typeof wrapped === 'object' && wrapped !== null ? wrapped : data;
  return (fields as { token_type?: unknown }).token_type;
}

/**
 * Judges what SessionToken with `apiKey` handed the page's JSONP callback: the anonymous shopper
 * token itself (`access_token`, `token_type` `bearer`, `expires_in` as a string such as
 * `"86397"`, and `refresh_token`), flat as the docs show it or wrapped in `token` as
 * `oauth20/token` answers. Pure, so every malformed answer is unit-tested without a page.
 *
 * Nothing else is taken: a `session_token` would need the exchange this mode is there to save,
 * and a `token_type` other than bearer could not be sent as `Authorization: bearer`.
 *
 * @param data - the JSONP payload
 * @returns the token; without `refreshToken` when the answer had none
 * @throws InterceptorError `InvalidApiKey` (`invalid_client`: the store refused the key) or
 *   `SessionTokenFailed`
 */
export function parseApiKeySessionTokenResponse(data: unknown): OAuthToken {
  const code = readErrorCode(data);
  if (code === 'invalid_client') {
    throw new InterceptorError(
      'InvalidApiKey',
      'SessionToken answered invalid_client for data-api-key',
    );
  }
  if (code) throw new InterceptorError('SessionTokenFailed', `SessionToken answered ${code}`);
  const token = readOAuthToken(data);
  if (!token || typeof data !== 'object' || data === null) {
    const sessionToken = (data as { session_token?: unknown } | null)?.session_token;
    throw new InterceptorError(
      'SessionTokenFailed',
      sessionToken === undefined
        ? 'SessionToken with apiKey answered no valid access_token and expires_in'
        : 'SessionToken with apiKey answered a session_token, not a token',
    );
  }
  const tokenType = tokenTypeOf(data);
  // RFC 6749 reads the type case-insensitively. An answer without one is taken, as on oauth20/token.
  if (
    tokenType !== undefined &&
    (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')
  ) {
    throw new InterceptorError(
      'SessionTokenFailed',
      'SessionToken with apiKey answered a token that is not bearer',
    );
  }
  return token;
}
