import { InterceptorError } from '../../errors.js';
import { parseJson } from '../parseJson.js';
import { readErrorCode } from './readErrorCode.js';
import { type OAuthToken, readOAuthToken } from './readOAuthToken.js';

/**
 * Judges an answer of `POST {api}/oauth20/token`. Pure, so every malformed answer is
 * unit-tested without a network.
 *
 * @param status - the HTTP status
 * @param body - the raw response body
 * @returns the token
 * @throws InterceptorError `TokenExpired` when the grant was refused (a used or expired refresh
 *   or session token: SessionToken must run again), or `TokenUnavailable`
 */
export function parseOAuthTokenResponse(status: number, body: string): OAuthToken {
  const json = parseJson(body);
  if (status === 400 || status === 401) {
    throw new InterceptorError(
      'TokenExpired',
      `oauth20/token answered ${status} ${readErrorCode(json) ?? ''}`.trim(),
    );
  }
  if (status !== 200) {
    throw new InterceptorError('TokenUnavailable', `oauth20/token answered ${status}`);
  }
  const token = readOAuthToken(json);
  if (!token) {
    throw new InterceptorError(
      'TokenUnavailable',
      'oauth20/token answer lacks a valid access_token, refresh_token or expires_in',
    );
  }
  return token;
}
