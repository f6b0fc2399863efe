import type { DigitalRiverConfig } from '../../config/WorkerConfig.js';
import { InterceptorError } from '../../errors/errors.js';
import type { StoredSession } from '../../session/tokenStore.js';
import type { Provider } from '../Provider.js';
import { requestWithin } from '../requestWithin.js';
import { oauthTokenRequest } from './oauthTokenRequest.js';
import { parseApiKeySessionTokenResponse } from './parseApiKeySessionTokenResponse.js';
import { parseOAuthTokenResponse } from './parseOAuthTokenResponse.js';
import { parseSessionTokenResponse } from './parseSessionTokenResponse.js';
import { readDigitalRiverRefusal } from './readDigitalRiverRefusal.js';
import type { OAuthToken } from './readOAuthToken.js';

/**
 * Which SessionToken the page is to run: with `apiKey`, the site action answers the token itself;
 * without, a session token to exchange.
 */
export interface SessionTokenAsk {
  apiKey?: string;
}

/**
 * Runs the SessionToken site action in a shopper's page, as Digital River requires, and returns
 * what its JSONP callback received.
 */
export type AskPage = (ask: SessionTokenAsk, signal?: AbortSignal) => Promise<unknown>;

const isRefused = (error: unknown) =>
  error instanceof InterceptorError && error.code === 'TokenExpired';

/**
 * The Digital River Global Commerce provider. A fresh session runs SessionToken in a page, then
 * exchanges its session token (the password grant), identifying the client with the public API
 * key; with `tokenVia: 'api-key'`, SessionToken runs with the key and answers the token itself,
 * and nothing is exchanged. Renewal tries, in order: the refresh token (they rotate, so the store
 * keeps the newest and the single flight and Web Lock make sure no two refreshes spend the same
 * one); then the stored session token again, as Digital River's reference shop does (there is
 * none in `api-key` mode); and only then, by throwing `TokenExpired`, a new SessionToken in the
 * page.
 *
 * `deviceId` names the shopper session: a new id for each SessionToken, kept across renewals.
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
      (attempt) => oauthTokenRequest(fetchFn, config.apiOrigin, grant, config.apiKey, attempt),
      signal,
      attemptTimeoutMs,
      'oauth20/token',
    );
    try {
      return parseOAuthTokenResponse(status, body);
    } catch (error) {
      if (error instanceof InterceptorError && error.code === 'InvalidApiKey') {
        throw new InterceptorError(
          'InvalidApiKey',
          config.apiKey
            ? 'oauth20/token answered invalid_client for data-api-key'
            : 'oauth20/token answered invalid_client: set data-api-key to identify the client',
        );
      }
      throw error;
    }
  }

  async function renew(
    fetchFn: typeof fetch,
    previous: StoredSession,
    signal: AbortSignal | undefined,
  ): Promise<OAuthToken> {
    if (previous.refreshToken) {
      const grant = { grant_type: 'refresh_token', refresh_token: previous.refreshToken };
      try {
        return await exchange(fetchFn, grant, signal);
      } catch (error) {
        if (!isRefused(error) || !previous.sessionToken) throw error;
      }
    }
    if (!previous.sessionToken) throw new InterceptorError('TokenExpired');
    const grant = { grant_type: 'password', dr_session_token: previous.sessionToken };
    return exchange(fetchFn, grant, signal);
  }

  return {
    id: 'digitalriver',
    authHeader: 'authorization',
    // Refresh tokens and session tokens live long; the API says when one no longer works.
    canRenew: (previous) =>
      previous.refreshToken !== undefined || previous.sessionToken !== undefined,
    async acquire({ fetch: fetchFn, previous, signal }) {
      if (previous) {
        const token = await renew(fetchFn, previous, signal);
        return {
          ...token,
          ...(previous.sessionToken ? { sessionToken: previous.sessionToken } : {}),
          deviceId: previous.deviceId,
          deviceCreated: false,
        };
      }
      const deviceId = crypto.randomUUID();
      if (config.tokenVia === 'api-key') {
        const ask = config.apiKey ? { apiKey: config.apiKey } : {};
        const token = parseApiKeySessionTokenResponse(await askPage(ask, signal));
        return { ...token, deviceId, deviceCreated: true };
      }
      const answer = parseSessionTokenResponse(await askPage({}, signal));
      if ('token' in answer) return { ...answer.token, deviceId, deviceCreated: true };
      const token = await exchange(
        fetchFn,
        { grant_type: 'password', dr_session_token: answer.sessionToken },
        signal,
      );
      return { ...token, sessionToken: answer.sessionToken, deviceId, deviceCreated: true };
    },
    authorize(headers, token) {
      headers.set('authorization', `bearer ${token}`);
    },
    readRefusal: readDigitalRiverRefusal,
    // Digital River's own samples note 401s that reach the browser as status 0.
    opaqueRefusals: true,
  };
}
