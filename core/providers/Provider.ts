import type { ProviderId } from '../WorkerConfig';

/** A token as a provider hands it out, before it is placed on the local clock. */
export interface TokenGrant {
  token: string;
  /** Lifetime in seconds, as the API said; the expiry is computed from it on the local clock. */
  expiresInSeconds: number;
  deviceId: string;
  deviceCreated: boolean;
}

/** The provider-specific half of the session logic. */
export interface Provider {
  readonly id: ProviderId;
  /**
   * Obtains a token.
   *
   * @param fetchFn - the host's fetch
   * @param expiredToken - a previous token to renew, keeping the device
   * @param signal - abandons the request when nobody waits for it any more
   * @returns the new grant
   * @throws InterceptorError with `InvalidAppId`, `TokenExpired` or `TokenUnavailable`, or the
   *   signal's reason once it aborted
   */
  acquire(fetchFn: typeof fetch, expiredToken?: string, signal?: AbortSignal): Promise<TokenGrant>;
  /** How long after expiry a token can still be renewed, in milliseconds. */
  readonly renewableForMs: number;
  /**
   * Puts the token on an outgoing request's headers.
   *
   * @param headers - a mutable copy of the request's headers
   * @param token - the token
   */
  authorize(headers: Headers, token: string): void;
}
