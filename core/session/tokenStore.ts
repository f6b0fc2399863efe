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

/** The IndexedDB database and object store that belong to this library alone. */
export const DB_NAME = 'sw-token-interceptor';
/** The object store inside {@link DB_NAME}. */
export const STORE_NAME = 'sessions';

/**
 * Opens our own key-value store. Tests pass their own names so each gets a fresh database.
 *
 * @param dbName - database name
 * @param storeName - object store name
 * @returns an idb-keyval store
 */
export function createTokenStore(dbName = DB_NAME, storeName = STORE_NAME): UseStore {
  return createStore(dbName, storeName);
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
 * Writes a session.
 *
 * @param key - from {@link sessionKey}
 * @param session - what to keep
 * @param store - from {@link createTokenStore}
 */
export function writeSession(key: string, session: StoredSession, store: UseStore): Promise<void> {
  return store('readwrite', (sessions) => {
    sessions.put(session, key);
    return promisifyRequest(sessions.transaction);
  });
}

/**
 * Forgets a session.
 *
 * @param key - from {@link sessionKey}
 * @param store - from {@link createTokenStore}
 */
export function deleteSession(key: string, store: UseStore): Promise<void> {
  return store('readwrite', (sessions) => {
    sessions.delete(key);
    return promisifyRequest(sessions.transaction);
  });
}
