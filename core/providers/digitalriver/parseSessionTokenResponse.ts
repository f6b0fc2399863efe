import { InterceptorError } from '../../errors/errors.js';
import { readErrorCode } from './readErrorCode.js';
import { type OAuthToken, readOAuthToken } from './readOAuthToken.js';

/** What the SessionToken site action handed the page. */
export type SessionTokenResult = { sessionToken: string } | { token: OAuthToken };

/**
 * Judges what the SessionToken site action returned to the page's JSONP callback. Pure.
 * Without an API key it is a `session_token` to exchange; with one, the token itself.
 *
 * @param data - the JSONP payload
 * @returns the session token, or the token
 * @throws InterceptorError `InvalidApiKey` (an `invalid_client` error) or `SessionTokenFailed`
 */
export function parseSessionTokenResponse(data: unknown): SessionTokenResult {
  const code = readErrorCode(data);
  if (code === 'invalid_client') throw new InterceptorError('InvalidApiKey');
  if (code) throw new InterceptorError('SessionTokenFailed', `SessionToken answered ${code}`);
  const sessionToken = (data as { session_token?: unknown } | null)?.session_token;
  if (typeof sessionToken === 'string' && sessionToken !== '') return { sessionToken };
  const token = readOAuthToken(data);
  if (token) return { token };
  throw new InterceptorError(
    'SessionTokenFailed',
    'SessionToken answered neither a session_token nor a token',
  );
}
