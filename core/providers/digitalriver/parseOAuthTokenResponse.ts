import { InterceptorError } from '../../errors/errors.js';
import { parseJson } from '../parseJson.js';
import { readErrorCode } from './readErrorCode.js';
import { type OAuthToken, readOAuthToken } from './readOAuthToken.js';

/**
 * Judges an answer of `POST {api}/oauth20/token`. Pure, so every malformed answer is
 * unit-tested without a network. Errors come flat (`{error, error_description}`) or nested
 * (`errors.error[0]`); both are read.
 *
 * @param status - the HTTP status
 * @param body - the raw response body
 * @returns the token
 * @throws InterceptorError `InvalidApiKey` when the API did not accept the client's
 *   identification (`invalid_client`: asking again cannot help); `TokenExpired` when the grant
 *   was refused (a spent refresh token or session token); or `TokenUnavailable`
 */
export function parseOAuthTokenResponse(status: number, body: string): OAuthToken {
  const json = parseJson(body);
  const code = readErrorCode(json);
  if (code === 'invalid_client') {
    throw new InterceptorError('InvalidApiKey', 'oauth20/token answered invalid_client');
  }
  if (status === 400 || status === 401) {
    throw new InterceptorError(
      'TokenExpired',
      `oauth20/token answered ${status} ${code ?? ''}`.trim(),
    );
  }
  if (status !== 200) {
    throw new InterceptorError('TokenUnavailable', `oauth20/token answered ${status}`);
  }
  const token = readOAuthToken(json);
  if (!token) {
    throw new InterceptorError(
      'TokenUnavailable',
      'oauth20/token answer lacks a valid access_token or expires_in',
    );
  }
  return token;
}
