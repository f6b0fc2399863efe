import type { DigitalRiverConfig } from '../../WorkerConfig.js';
import type { Provider } from '../Provider.js';
import { requestWithin } from '../requestWithin.js';
import { oauthTokenRequest } from './oauthTokenRequest.js';
import { parseOAuthTokenResponse } from './parseOAuthTokenResponse.js';
import { parseSessionTokenResponse } from './parseSessionTokenResponse.js';
import type { OAuthToken } from './readOAuthToken.js';

/**
 * Runs the SessionToken site action in a shopper's page, as Digital River requires, and returns
 * what its JSONP callback received.
 */
export type AskPage = (signal?: AbortSignal) => Promise<unknown>;

/**
 * The Digital River Global Commerce provider. A fresh session needs the page (SessionToken);
 * renewal uses the refresh token, which rotates, so the session store keeps the newest one and
 * the token session's single flight and Web Lock make sure no two refreshes spend the same one.
 *
 * `deviceId` names the shopper session: a new id for each SessionToken, kept across refreshes.
 *
 * @param config - the Digital River configuration
 * @param askPage - runs SessionToken in a page
 * @param attemptTimeoutMs - how long one token request may take before it is abandoned
 * @returns a provider for the token session
 */
export function digitalRiverProvider(
  config: DigitalRiverConfig,
  askPage: AskPage,
  attemptTimeoutMs: number,
): Provider {
  async function exchange(
    fetchFn: typeof fetch,
    grant: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<OAuthToken> {
    const { status, body } = await requestWithin(
      (attempt) => oauthTokenRequest(fetchFn, config.apiOrigin, grant, attempt),
      signal,
      attemptTimeoutMs,
      'oauth20/token',
    );
    return parseOAuthTokenResponse(status, body);
  }

  return {
    id: 'digitalriver',
    authHeader: 'authorization',
    // Refresh tokens live long; the API says when one no longer works.
    canRenew: (previous) => previous.refreshToken !== undefined,
    async acquire({ fetch: fetchFn, previous, signal }) {
      if (previous?.refreshToken) {
        const token = await exchange(
          fetchFn,
          { grant_type: 'refresh_token', refresh_token: previous.refreshToken },
          signal,
        );
        return { ...token, deviceId: previous.deviceId, deviceCreated: false };
      }
      const answer = parseSessionTokenResponse(await askPage(signal));
      const token =
        'token' in answer
          ? answer.token
          : await exchange(
              fetchFn,
              { grant_type: 'password', dr_session_token: answer.sessionToken },
              signal,
            );
      return { ...token, deviceId: crypto.randomUUID(), deviceCreated: true };
    },
    authorize(headers, token) {
      headers.set('authorization', `bearer ${token}`);
    },
  };
}
