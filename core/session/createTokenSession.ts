import type { UseStore } from 'idb-keyval';
import type { Clock } from '../Clock.js';
import type { DebugLog } from '../DebugLog.js';
import { asInterceptorError, type ErrorInfo, InterceptorError } from '../errors/errors.js';
import { lostRequests } from '../providers/lostRequests.js';
import type { Provider, TokenGrant } from '../providers/Provider.js';
import { effectiveMarginMs } from './effectiveMarginMs.js';
import type { LockFn } from './localLock.js';
import { type BackoffHost, type RetryPolicy, retryWithBackoff } from './retryWithBackoff.js';
import type { SessionInfo } from './SessionInfo.js';
import { createSingleFlight } from './singleFlight.js';
import { deleteSession, readSession, type StoredSession, writeSession } from './tokenStore.js';

/** Everything the session logic needs from its host. Nothing here touches a global. */
export interface TokenSessionOptions extends BackoffHost {
  provider: Provider;
  /** Store key, from `sessionKey()`. */
  key: string;
  store: UseStore;
  fetch: typeof fetch;
  now: Clock;
  /**
   * Renew this long before expiry, at most: a token that lives less than four margins is renewed
   * when a quarter of its life is left (see {@link effectiveMarginMs}).
   */
  renewMarginMs: number;
  /** Serialises token work across every context that shares the store (Web Locks). */
  withLock: LockFn;
  retry: RetryPolicy;
  /** Which host runs this session, as `info()` reports it. */
  path: SessionInfo['path'];
  /** Told of each new token (never the token itself). */
  onSession: (info: SessionInfo) => void;
  /** Told once per failed attempt to obtain a token, however many calls waited on it. */
  onError: (error: ErrorInfo) => void;
  /** Debug mode's log, if on. */
  log?: DebugLog | undefined;
}

/** The token lifecycle, shared by the worker and any other host. */
export interface TokenSession {
  /**
   * @param signal - the caller's call was abandoned; when every waiter has gone, so does the
   *   token request
   * @returns a token that is good for now, obtaining or renewing one if needed
   * @throws InterceptorError with the code that says why no token can be had: a refusal of the
   *   configuration (`InvalidAppId`, `InvalidApiKey`), Digital River's page step failing
   *   (`SessionTokenFailed`), or anything else (`TokenUnavailable`); or the signal's reason
   */
  token(signal?: AbortSignal): Promise<string>;
  /**
   * Replaces a token the API refused. Concurrent callers share one renewal.
   *
   * @param rejected - the token the API answered 401 to
   * @param signal - as for {@link TokenSession.token}
   * @returns a different token
   * @throws as {@link TokenSession.token} does
   */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
  /**
   * For a call that cannot wait (a `keepalive` call from a page that is going away): the token
   * in memory, if it has not expired and the API has not refused it, even inside the margin.
   *
   * @returns that token, or `undefined` when getting one would mean waiting
   */
  tokenNow(): string | undefined;
  /** @returns what the page may know of the session, obtaining one if there is none */
  info(): Promise<SessionInfo>;
  /** Forgets the session, in memory and in the store. */
  clear(): Promise<void>;
  /**
   * Reads the stored session into memory ahead of the first call, without the lock: a host that
   * has just started calls it so that call does not wait for IndexedDB (and the lock) behind it.
   * Calls made meanwhile wait for the read rather than start a second one.
   */
  preload(): void;
}

function toInfo(
  session: StoredSession,
  provider: Provider,
  path: SessionInfo['path'],
): SessionInfo {
  return {
    provider: provider.id,
    deviceId: session.deviceId,
    expiresAt: session.expiresAt,
    deviceCreated: session.deviceCreated,
    path,
  };
}

// Configuration the API refused stays refused: asking again would only repeat the error.
const FATAL = new Set<string>(['InvalidAppId', 'InvalidApiKey']);

/**
 * Whether a failed token attempt may be tried again at once. A renewal keeps its device, so any
 * `TokenUnavailable` is worth another go. A fresh session creates a device: after a timeout or a
 * lost connection the first request may still succeed at the API, so it is not retried within
 * the call (the next call tries again), and neither is a `4xx` other than `429`, which another
 * attempt at once would only repeat.
 */
function isRetryable(error: unknown, renewing: boolean): boolean {
  if (error instanceof InterceptorError && error.code !== 'TokenUnavailable') return false;
  if (renewing) return true;
  if (error instanceof Error && lostRequests.has(error)) return false;
  const status = error instanceof InterceptorError ? error.upstream?.status : undefined;
  return status === undefined || status === 429 || status >= 500;
}

const retryAfterOf = (error: unknown) =>
  (error instanceof InterceptorError && error.upstream?.retryAfterMs) || 0;

/**
 * Creates the token lifecycle: memory first (a warm host never reads IndexedDB per request),
 * then the store, then the provider, with one token request in flight at a time.
 *
 * @param o - the host's dependencies
 * @returns the session
 */
export function createTokenSession(o: TokenSessionOptions): TokenSession {
  let current: StoredSession | undefined;
  let fatal: InterceptorError | undefined;
  // Bumped by clear(), so a token obtained before the clear is not put back in memory after it.
  let generation = 0;
  // The current token once the API answered 401 to it: no call starts with it again.
  let refused: string | undefined;
  // Until when the token endpoint asked not to be called (429 with Retry-After).
  let quietUntil = 0;
  // Meta: the refused token a flight was started to replace, if any.
  const flight = createSingleFlight<StoredSession, string | undefined>();
  // The read started by preload(), while it lasts.
  let preloading: Promise<void> | undefined;

  const isFresh = (s: StoredSession) =>
    o.now() < s.expiresAt - effectiveMarginMs(s, o.renewMarginMs);
  const isUsable = (s: StoredSession) => o.now() < s.expiresAt;

  async function read(): Promise<StoredSession | undefined> {
    try {
      return await readSession(o.key, o.store);
    } catch {
      // IndexedDB can be unavailable (some private modes); the memory copy still serves.
      return current;
    }
  }

  function acquire(renewable: StoredSession | undefined, signal: AbortSignal): Promise<TokenGrant> {
    const once = async () => {
      if (!renewable) return o.provider.acquire({ fetch: o.fetch, signal });
      try {
        return await o.provider.acquire({ fetch: o.fetch, previous: renewable, signal });
      } catch (error) {
        // Too old to renew: a fresh session, which creates a new device.
        if (error instanceof InterceptorError && error.code === 'TokenExpired') {
          o.log?.('renewal refused (TokenExpired): starting a fresh session');
          renewable = undefined;
          return o.provider.acquire({ fetch: o.fetch, signal });
        }
        throw error;
      }
    };
    const attempt = async () => {
      const quiet = quietUntil - o.now();
      if (quiet > 0) {
        // An earlier 429 asked for quiet: no request until it is over.
        throw new InterceptorError(
          'TokenUnavailable',
          `the token endpoint asked to wait ${Math.ceil(quiet / 1000)} s`,
          { status: 429, body: '', retryAfterMs: quiet },
        );
      }
      try {
        return await once();
      } catch (error) {
        const retryAfterMs = retryAfterOf(error);
        if (retryAfterMs > 0) quietUntil = Math.max(quietUntil, o.now() + retryAfterMs);
        if (!signal.aborted) o.log?.(`token request failed: ${asInterceptorError(error).message}`);
        throw error;
      }
    };
    return retryWithBackoff(
      attempt,
      (error) => isRetryable(error, renewable !== undefined),
      o.retry,
      o,
      signal,
      retryAfterOf,
    );
  }

  function obtain(rejected: string | undefined, signal: AbortSignal): Promise<StoredSession> {
    return o.withLock(o.key, async () => {
      // Re-read under the lock: another context may have renewed while this one waited.
      const stored = await read();
      if (stored && stored.token !== rejected && isFresh(stored)) {
        o.log?.(`using the stored token: device ${stored.deviceId}`);
        return stored;
      }
      const previous = stored ?? current;
      const renewable = previous && o.provider.canRenew(previous, o.now()) ? previous : undefined;
      signal.throwIfAborted();
      o.log?.(
        !renewable
          ? 'obtaining a fresh session'
          : rejected
            ? 'renewing: the API refused the token (401)'
            : isUsable(renewable)
              ? 'renewing: the token is inside the renewal margin'
              : 'renewing: the token expired',
      );
      let grant: TokenGrant;
      try {
        grant = await acquire(renewable, signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        // A failed early renewal must not take a still-valid token away from the shopper.
        if (stored && stored.token !== rejected && isUsable(stored)) return stored;
        throw error;
      }
      const issuedAt = o.now();
      const session: StoredSession = {
        token: grant.token,
        deviceId: grant.deviceId,
        expiresAt: issuedAt + grant.expiresInSeconds * 1000,
        issuedAt,
        deviceCreated: grant.deviceCreated,
      };
      if (grant.refreshToken) session.refreshToken = grant.refreshToken;
      if (grant.sessionToken) session.sessionToken = grant.sessionToken;
      try {
        await writeSession(o.key, session, o.store);
      } catch {
        // Without IndexedDB the session lives in memory only; the calls still go out.
      }
      o.log?.(
        `token ${grant.deviceCreated ? 'acquired on a new device' : 'renewed on the same device'}: ` +
          `device ${grant.deviceId}, expires in ${Math.round(grant.expiresInSeconds)} s`,
      );
      o.onSession(toInfo(session, o.provider, o.path));
      return session;
    });
  }

  /** The policy around one token request: what to keep, what to report, what stays refused. */
  function task(rejected: string | undefined) {
    const started = generation;
    return (signal: AbortSignal) =>
      obtain(rejected, signal).then(
        (session) => {
          if (started === generation) {
            current = session;
            // The replacement arrived: even when it is the same string, it is a new grant.
            if (rejected !== undefined && rejected === refused) refused = undefined;
          }
          return session;
        },
        (error: unknown) => {
          // Abandoned because every waiter left: not a failure anyone needs to hear about.
          if (signal.aborted) {
            o.log?.('token request abandoned: no call waits for it any more');
            throw error;
          }
          const coded = asInterceptorError(error);
          if (FATAL.has(coded.code)) fatal = coded;
          o.onError(coded.toInfo());
          throw coded;
        },
      );
  }

  function join(rejected: string | undefined, signal?: AbortSignal): Promise<StoredSession> {
    if (fatal) return Promise.reject(fatal);
    return flight.join(rejected, task(rejected), signal);
  }

  async function replace(rejected: string, signal?: AbortSignal): Promise<string> {
    if (current && current.token !== rejected && isUsable(current)) return current.token;
    if (current?.token === rejected) refused = rejected;
    // A flight already under way that did not know this token was refused may hand it back.
    const running = flight.pending();
    const joinsUnaware = running !== undefined && running.meta !== rejected;
    let session = await join(rejected, signal);
    if (joinsUnaware && session.token === rejected) session = await join(rejected, signal);
    // The API may renew to the very same string (same claims within one second): the one
    // retry still goes out, and a second 401 reaches the page.
    return session.token;
  }

  return {
    async token(signal) {
      if (current && refused === current.token) return replace(refused, signal);
      if (current && isFresh(current)) return current.token;
      if (preloading) {
        await preloading;
        if (current && isFresh(current)) return current.token;
      }
      return (await join(undefined, signal)).token;
    },
    renew: replace,
    tokenNow: () =>
      current && current.token !== refused && isUsable(current) ? current.token : undefined,
    async info() {
      if (preloading) await preloading;
      const session = current && isUsable(current) ? current : await join(undefined);
      return toInfo(session, o.provider, o.path);
    },
    async clear() {
      generation++;
      current = undefined;
      fatal = undefined;
      refused = undefined;
      quietUntil = 0;
      await o.withLock(o.key, () => deleteSession(o.key, o.store));
    },
    preload() {
      if (current || preloading) return;
      const started = generation;
      preloading = readSession(o.key, o.store)
        .then(
          (stored) => {
            // A token obtained (or a clear) meanwhile is newer than what was read.
            if (stored && !current && started === generation && isUsable(stored)) current = stored;
          },
          // IndexedDB unavailable: the first call takes the usual path.
          () => undefined,
        )
        .finally(() => {
          preloading = undefined;
        });
    },
  };
}
