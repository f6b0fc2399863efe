import type { UseStore } from 'idb-keyval';
import type { MonotonicClock } from '../Clock.js';
import type { DebugLog } from '../DebugLog.js';
import type { ErrorInfo } from '../errors/errors.js';
import type { Provider } from '../providers/Provider.js';
import type { StorageWarning } from './createStorageWarning.js';
import type { LockFn } from './localLock.js';
import type { BackoffHost, RetryPolicy } from './retryWithBackoff.js';
import type { SessionInfo } from './SessionInfo.js';

/** Everything the session logic needs from its host. Nothing here touches a global. */
export interface TokenSessionOptions extends BackoffHost {
  provider: Provider;
  /** Store key, from `sessionKey()`. */
  key: string;
  /** From `createTokenStore()`: every operation is bounded, so none waits for good. */
  store: UseStore;
  /** The clock waits (a `429`'s `Retry-After`) are measured on. */
  monotonic: MonotonicClock;
  /** Told when the store refuses or stalls; the session then carries on in memory. */
  storageWarning: StorageWarning;
  fetch: typeof fetch;
  /**
   * Renew this long before expiry, at most: a token that lives less than four margins is renewed
   * when a quarter of its life is left (see `renewalPolicy.effectiveMarginMs`).
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
