import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { WorkerConfig } from '../config/WorkerConfig.js';

/** A session as kept in IndexedDB. Times are on the local clock, so a skewed clock does no harm. */
export interface StoredSession {
  token: string;
  deviceId: string;
  /** When the token expires, in local-clock milliseconds (from `expires_in`, not the server's `expires`). */
  expiresAt: number;
  /** When the token was obtained, on the local clock, so the renewal margin can fit its lifetime. */
  issuedAt: number;
  /** Whether obtaining this token created a new device. */
  deviceCreated: boolean;
  /** Where the API rotates refresh tokens (Digital River), the current one. */
  refreshToken?: string;
  /** Where the API lets a session token be exchanged again (Digital River), the one to re-exchange. */
  sessionToken?: string;
}

/**
 * A token endpoint's `Retry-After`, kept beside the session so that every context of the origin
 * heeds it: the worker after a restart, each tab on the fallback path, every new page load.
 */
export interface StoredWait {
  /** When the wait ends, on the wall clock of the context that was told to wait. */
  until: number;
  /** The wait asked for: a context that reads the record never waits longer, whatever its clock says. */
  retryAfterMs: number;
}

/** The IndexedDB database and object store that belong to this library alone. */
export const DB_NAME = 'sw-token-interceptor';
/** The object store inside {@link DB_NAME}. */
export const STORE_NAME = 'sessions';

// IndexedDB answers in milliseconds. One that has not answered in this long is stalled (an open
// queued behind a deletion that some context's connection blocks), and the session carries on
// without it: a shopper's call must not wait on it for good. Long enough for a cold first open
// on a slow device, since a read given up on may start a fresh session.
const STORE_TIMEOUT_MS = 3000;

/**
 * Opens our own key-value store, built on idb-keyval's `createStore`, with two guards:
 * - its connection closes when another context deletes or upgrades the database (a storefront's
 *   "clear everything"), and the next operation opens a new one. Held open, it would block the
 *   deletion, and every later open behind it, in every context, for good;
 * - every operation has a bound: past it, the operation rejects with a `TimeoutError`, and while
 *   it is still pending later ones reject at once rather than each wait as long.
 *
 * Tests pass their own names so each gets a fresh database.
 *
 * @param dbName - database name
 * @param storeName - object store name
 * @param timeoutMs - the bound on each operation
 * @returns an idb-keyval store
 */
export function createTokenStore(
  dbName = DB_NAME,
  storeName = STORE_NAME,
  timeoutMs = STORE_TIMEOUT_MS,
): UseStore {
  let use = connect();
  // The operation that outlived its bound, while it is pending.
  let stalled: Promise<unknown> | undefined;
  // Only the name is reported.
  const timedOut = () => new DOMException('stalled', 'TimeoutError');

  function connect(): UseStore {
    const own = createStore(dbName, storeName);
    const watched: UseStore = (mode, callback) =>
      own(mode, (sessions) => {
        const db = sessions.transaction.db;
        db.onversionchange = () => {
          db.close();
          if (use === watched) use = connect();
        };
        return callback(sessions);
      });
    return watched;
  }

  return <T>(
    mode: IDBTransactionMode,
    callback: (sessions: IDBObjectStore) => T | PromiseLike<T>,
  ): Promise<T> => {
    if (stalled) return Promise.reject(timedOut());
    // A synchronous throw (Firefox's `indexedDB.open` with site data blocked) rejects as well.
    const operation = new Promise<T>((resolve) => resolve(use(mode, callback)));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const pending = operation.catch(() => undefined);
        stalled = pending;
        void pending.then(() => {
          if (stalled === pending) stalled = undefined;
        });
        reject(timedOut());
      }, timeoutMs);
      operation.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  };
}

/**
 * The key a session is kept under: one session per provider, app and API origin, so two
 * configurations on one site never share a token. The origin is the one the token comes from
 * (`apiOrigin`), not the whole list: listing a payment host later keeps the shopper's session.
 *
 * @param config - the worker's configuration
 * @returns the store key
 */
export function sessionKey(config: WorkerConfig): string {
  const account = config.provider === 'firmly' ? config.appId : config.siteId;
  return JSON.stringify([config.provider, account, config.apiOrigin]);
}

// The wait is kept under its own key beside the session's, so a first visit (no session yet) can
// keep one, and a session record keeps the shape older versions read.
const waitKey = (key: string) => `${key}#wait`;

function isStoredWait(value: unknown): value is StoredWait {
  const v = value as Partial<Record<keyof StoredWait, unknown>> | null | undefined;
  // `Number.isFinite` is false for anything but a finite number.
  return Number.isFinite(v?.until) && Number.isFinite(v?.retryAfterMs);
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.token === 'string' &&
    v.token.length > 0 &&
    typeof v.deviceId === 'string' &&
    typeof v.expiresAt === 'number' &&
    Number.isFinite(v.expiresAt) &&
    typeof v.issuedAt === 'number' &&
    Number.isFinite(v.issuedAt) &&
    typeof v.deviceCreated === 'boolean' &&
    (v.refreshToken === undefined || (typeof v.refreshToken === 'string' && v.refreshToken !== ''))
  );
}

// Each operation is idb-keyval's own get/put/delete on the store passed in, written with its
// `promisifyRequest`: its `get`, `set` and `del` default to a `keyval-store` database of their
// own, which the bundles would otherwise carry and never open.

/**
 * Reads a session. A record of another shape (an older version, a hand edit) reads as none.
 *
 * @param key - from {@link sessionKey}
 * @param store - from {@link createTokenStore}
 * @returns the session, or undefined
 */
export async function readSession(
  key: string,
  store: UseStore,
): Promise<StoredSession | undefined> {
  const value: unknown = await store('readonly', (sessions) => promisifyRequest(sessions.get(key)));
  return isStoredSession(value) ? value : undefined;
}

/**
 * Writes a session, and ends any stored wait: the token endpoint has answered.
 *
 * @param key - from {@link sessionKey}
 * @param session - what to keep
 * @param store - from {@link createTokenStore}
 */
export function writeSession(key: string, session: StoredSession, store: UseStore): Promise<void> {
  return store('readwrite', (sessions) => {
    sessions.put(session, key);
    sessions.delete(waitKey(key));
    return promisifyRequest(sessions.transaction);
  });
}

/**
 * Forgets a session, and any stored wait with it.
 *
 * @param key - from {@link sessionKey}
 * @param store - from {@link createTokenStore}
 */
export function deleteSession(key: string, store: UseStore): Promise<void> {
  return store('readwrite', (sessions) => {
    sessions.delete(key);
    sessions.delete(waitKey(key));
    return promisifyRequest(sessions.transaction);
  });
}

/**
 * Reads the token endpoint's wait for a session. A record of another shape reads as none.
 *
 * @param key - from {@link sessionKey}
 * @param store - from {@link createTokenStore}
 * @returns the wait, or undefined
 */
export async function readWait(key: string, store: UseStore): Promise<StoredWait | undefined> {
  const value: unknown = await store('readonly', (sessions) =>
    promisifyRequest(sessions.get(waitKey(key))),
  );
  return isStoredWait(value) ? value : undefined;
}

/**
 * Keeps the token endpoint's wait for a session.
 *
 * @param key - from {@link sessionKey}
 * @param wait - what to keep
 * @param store - from {@link createTokenStore}
 */
export function writeWait(key: string, wait: StoredWait, store: UseStore): Promise<void> {
  return store('readwrite', (sessions) => {
    sessions.put(wait, waitKey(key));
    return promisifyRequest(sessions.transaction);
  });
}
