import type { ProviderId } from '../config/WorkerConfig.js';
import type { StoredSession } from '../session/tokenStore.js';

/** A token as a provider hands it out, before it is placed on the local clock. */
export interface TokenGrant {
  token: string;
  /** Lifetime in seconds, as the API said; the expiry is computed from it on the local clock. */
  expiresInSeconds: number;
  deviceId: string;
  deviceCreated: boolean;
  /** The new refresh token, where the API rotates them. */
  refreshToken?: string;
  /** A session token the API lets the client exchange again (Digital River), kept for renewal. */
  sessionToken?: string;
}

/**
 * What a 401's body says it is about: the session token (`session`: renew and replay), something
 * else the page must see (`other`: a wrong OTP, a bad password), or nothing readable (`unknown`).
 */
export type RefusalKind = 'session' | 'other' | 'unknown';

/** What one token request is given. */
export interface AcquireContext {
  /** The host's own fetch. */
  fetch: typeof fetch;
  /** A previous session to renew (keeping its device), when {@link Provider.canRenew} allowed it. */
  previous?: StoredSession;
  /** Abandons the request when nobody waits for it any more. */
  signal?: AbortSignal;
}

/** The provider-specific half of the session logic. */
export interface Provider {
  readonly id: ProviderId;
  /**
   * The request header that carries the token. A call that already has it carries the page's
   * own token, and goes out unchanged.
   */
  readonly authHeader: string;
  /**
   * Obtains a token: renews `previous` if given, else starts a fresh session.
   *
   * @returns the new grant
   * @throws InterceptorError; `TokenExpired` means `previous` can no longer be renewed and a
   *   fresh session is needed; or the signal's reason once it aborted
   */
  acquire(context: AcquireContext): Promise<TokenGrant>;
  /**
   * @param previous - the last session
   * @param now - local-clock milliseconds
   * @returns whether it is still worth renewing rather than starting afresh
   */
  canRenew(previous: StoredSession, now: number): boolean;
  /**
   * Puts the token on an outgoing request's headers.
   *
   * @param headers - a mutable copy of the request's headers
   * @param token - the token
   */
  authorize(headers: Headers, token: string): void;
  /**
   * Reads a 401 answer to an API call made with the token. Pure.
   *
   * @param body - the 401's body, as text
   * @returns whether the API refused the session, something else, or cannot tell
   */
  readRefusal(body: string): RefusalKind;
  /**
   * Whether the API may answer a refused token without CORS headers, which a browser reports as a
   * network error: then a network error on a call makes its token suspect (renewed once).
   */
  readonly opaqueRefusals: boolean;
}
