import type { UseStore } from 'idb-keyval';
import type { Clock } from './Clock';
import { ErrorCode, type ErrorInfo, InterceptorError } from './errors';
import type { LockFn } from './localLock';
import type { Provider, TokenGrant } from './providers/Provider';
import { type BackoffHost, type RetryPolicy, retryWithBackoff } from './retryWithBackoff';
import type { SessionInfo } from './SessionInfo';
import { deleteSession, readSession, type StoredSession, writeSession } from './tokenStore';

/** Everything the session logic needs from its host. Nothing here touches a global. */
export interface TokenSessionOptions extends BackoffHost {
  provider: Provider;
  /** Store key, from `sessionKey()`. */
  key: string;
  store: UseStore;
  fetch: typeof fetch;
  now: Clock;
  /** Renew this long before expiry. */
  renewMarginMs: number;
  /** Serialises token work across every context that shares the store (Web Locks). */
  withLock: LockFn;
  retry: RetryPolicy;
  /** Told of each new token (never the token itself). */
  onSession: (info: SessionInfo) => void;
  /** Told once per failed attempt to obtain a token, however many calls waited on it. */
  onError: (error: ErrorInfo) => void;
}

/** The token lifecycle, shared by the worker and any other host. */
export interface TokenSession {
  /**
   * @returns a token that is good for now, obtaining or renewing one if needed
   * @throws InterceptorError `InvalidAppId` or `TokenUnavailable`
   */
  token(): Promise<string>;
  /**
   * Replaces a token the API refused. Concurrent callers share one renewal.
   *
   * @param rejected - the token the API answered 401 to
   * @returns a different token
   */
  renew(rejected: string): Promise<string>;
  /** @returns what the page may know of the session, obtaining one if there is none */
  info(): Promise<SessionInfo>;
  /** Forgets the session, in memory and in the store. */
  clear(): Promise<void>;
}

function toInfo(session: StoredSession, provider: Provider): SessionInfo {
  return {
    provider: provider.id,
    deviceId: session.deviceId,
    expiresAt: session.expiresAt,
    deviceCreated: session.deviceCreated,
    path: 'worker',
  };
}

function asInterceptorError(error: unknown): InterceptorError {
  return error instanceof InterceptorError
    ? error
    : new InterceptorError(ErrorCode.TokenUnavailable);
}

/**
 * Creates the token lifecycle: memory first (a warm host never reads IndexedDB per request),
 * then the store, then the provider, with one token request in flight at a time.
 *
 * @param o - the host's dependencies
 * @returns the session
 */
export function createTokenSession(o: TokenSessionOptions): TokenSession {
  let current: StoredSession | undefined;
  let inflight: Promise<StoredSession> | undefined;
  // An application id the API refused stays refused: asking again would only repeat the error.
  let fatal: InterceptorError | undefined;
  // Bumped by clear(), so a token obtained before the clear is not put back in memory after it.
  let generation = 0;

  const isFresh = (s: StoredSession) => o.now() < s.expiresAt - o.renewMarginMs;
  const isUsable = (s: StoredSession) => o.now() < s.expiresAt;

  async function read(): Promise<StoredSession | undefined> {
    try {
      return await readSession(o.key, o.store);
    } catch {
      // IndexedDB can be unavailable (some private modes); the memory copy still serves.
      return current;
    }
  }

  function acquire(renewable: string | undefined): Promise<TokenGrant> {
    const attempt = async () => {
      if (!renewable) return o.provider.acquire(o.fetch);
      try {
        return await o.provider.acquire(o.fetch, renewable);
      } catch (error) {
        // Too old to renew: a fresh session, which creates a new device.
        if (error instanceof InterceptorError && error.code === ErrorCode.TokenExpired) {
          renewable = undefined;
          return o.provider.acquire(o.fetch);
        }
        throw error;
      }
    };
    const isRetryable = (error: unknown) =>
      !(error instanceof InterceptorError) || error.code === ErrorCode.TokenUnavailable;
    return retryWithBackoff(attempt, isRetryable, o.retry, o);
  }

  function obtain(rejected: string | undefined): Promise<StoredSession> {
    return o.withLock(o.key, async () => {
      // Re-read under the lock: another context may have renewed while this one waited.
      const stored = await read();
      if (stored && stored.token !== rejected && isFresh(stored)) return stored;
      const previous = stored ?? current;
      const renewable =
        previous && o.now() <= previous.expiresAt + o.provider.renewableForMs
          ? previous.token
          : undefined;
      let grant: TokenGrant;
      try {
        grant = await acquire(renewable);
      } catch (error) {
        // A failed early renewal must not take a still-valid token away from the shopper.
        if (stored && stored.token !== rejected && isUsable(stored)) return stored;
        throw error;
      }
      const session: StoredSession = {
        token: grant.token,
        deviceId: grant.deviceId,
        expiresAt: o.now() + grant.expiresInSeconds * 1000,
        deviceCreated: grant.deviceCreated,
      };
      try {
        await writeSession(o.key, session, o.store);
      } catch {
        // Without IndexedDB the session lives in memory only; the calls still go out.
      }
      o.onSession(toInfo(session, o.provider));
      return session;
    });
  }

  function flight(rejected?: string): Promise<StoredSession> {
    if (fatal) return Promise.reject(fatal);
    if (!inflight) {
      const started = generation;
      const run = obtain(rejected).then(
        (session) => {
          if (started === generation) current = session;
          return session;
        },
        (error: unknown) => {
          const coded = asInterceptorError(error);
          if (coded.code === ErrorCode.InvalidAppId) fatal = coded;
          o.onError(coded.toInfo());
          throw coded;
        },
      );
      inflight = run;
      void run
        .finally(() => {
          if (inflight === run) inflight = undefined;
        })
        .catch(() => undefined);
    }
    return inflight;
  }

  return {
    async token() {
      if (current && isFresh(current)) return current.token;
      return (await flight()).token;
    },
    async renew(rejected) {
      if (current && current.token !== rejected && isUsable(current)) return current.token;
      let session = await flight(rejected);
      // Joined a flight that began before the 401 and so did not know this token was refused.
      if (session.token === rejected) session = await flight(rejected);
      return session.token;
    },
    async info() {
      const session = current && isUsable(current) ? current : await flight();
      return toInfo(session, o.provider);
    },
    async clear() {
      generation++;
      current = undefined;
      fatal = undefined;
      await o.withLock(o.key, () => deleteSession(o.key, o.store));
    },
  };
}
