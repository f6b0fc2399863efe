import type { UseStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { createStorageWarning } from './createStorageWarning.js';
import { sessionUnderTest } from './sessionUnderTest.fixtures.js';
import { createTokenStore, readSession } from './tokenStore.js';
import { webLock } from './webLock.js';

const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

/** `navigator.locks` in a context whose site data is blocked: every request is refused. */
function refusingLocks(): LockManager & { requests: number } {
  const locks = {
    requests: 0,
    request: () => {
      locks.requests++;
      return Promise.reject(securityError());
    },
    query: () => Promise.reject(securityError()),
  };
  return locks as unknown as LockManager & { requests: number };
}

/** IndexedDB in the same context: Firefox throws at `open`, Chromium fails the request. */
const refusingStore: UseStore = () => {
  throw securityError();
};

describe('a shopper whose browser blocks site data (cookies and site data blocked, a shop embedded in a third-party frame)', () => {
  it('gets a token all the same, kept in memory for the host’s life', async () => {
    const locks = refusingLocks();
    const storageWarnings: unknown[] = [];
    const {
      session: blocked,
      provider,
      options,
    } = sessionUnderTest({
      store: refusingStore,
      storageWarning: (kind, error) => storageWarnings.push({ kind, error }),
      withLock: webLock(locks, (kind, error) => storageWarnings.push({ kind, error })),
    });
    const first = await blocked.token();
    expect(first).toMatch(/^secret-token-/);
    await expect(blocked.token()).resolves.toBe(first);
    await expect(blocked.info()).resolves.toMatchObject({ deviceCreated: true });
    expect(provider.calls).toHaveLength(1);
    expect(options.errors).toEqual([]);
    // The lock is asked once: after its refusal the local lock serves.
    expect(locks.requests).toBe(1);
    expect(storageWarnings).toContainEqual({
      kind: 'Web Locks',
      error: expect.objectContaining({ name: 'SecurityError' }),
    });
  });

  it('renews a refused token, and signs out, without the store', async () => {
    const { session, provider, options } = sessionUnderTest({ store: refusingStore });
    const first = await session.token();
    await expect(session.renew(first)).resolves.not.toBe(first);
    await expect(session.clear()).resolves.toBeUndefined();
    await session.token();
    expect(provider.calls).toEqual([undefined, first, undefined]);
    expect(options.errors).toEqual([]);
  });

  it('starts a fresh host with preload() and no failure', async () => {
    const { session, provider } = sessionUnderTest({ store: refusingStore });
    session.preload();
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toHaveLength(1);
  });
});

describe('a lock whose holder fails', () => {
  it('is not taken for a refused lock: the failure reaches the caller, with no warning', async () => {
    const warnings: unknown[] = [];
    const locks = {
      request: (_name: string, fn: () => Promise<unknown>) => fn(),
    } as unknown as LockManager;
    const withLock = webLock(locks, (kind) => warnings.push(kind));
    await expect(withLock('k', () => Promise.reject(new Error('inside')))).rejects.toThrow(
      'inside',
    );
    expect(warnings).toEqual([]);
  });
});

describe('createStorageWarning', () => {
  it('says once that storage was refused, naming the error but not its message', () => {
    const errors: unknown[] = [];
    const lines: string[] = [];
    const warn = createStorageWarning(
      (error) => errors.push(error),
      (line) => lines.push(line),
    );
    warn('Web Locks', securityError());
    warn('IndexedDB', securityError());
    warn('IndexedDB', 'not an error');
    expect(errors).toEqual([
      {
        code: 'StorageUnavailable',
        message:
          'Storage refused: the session is kept in memory (Web Locks refused: SecurityError)',
      },
    ]);
    expect(lines).toEqual([
      'Web Locks refused: SecurityError; the session is kept in memory',
      'IndexedDB refused: SecurityError; the session is kept in memory',
      'IndexedDB refused: error; the session is kept in memory',
    ]);
  });
});

describe('a store that stalls (our database deleted while a connection that never closes holds it)', () => {
  it('answers the calls within the bound, and keeps the token once the store is back', async () => {
    const name = 'session-stalled-store';
    const store = createTokenStore(name, 'sessions', 20);
    const { session, provider, options } = sessionUnderTest({ store });
    const holder = await openRaw(name);
    const deletion = indexedDB.deleteDatabase(name);
    session.preload();
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toHaveLength(1);
    expect(options.storageWarnings).toContainEqual({
      kind: 'IndexedDB',
      error: expect.objectContaining({ name: 'TimeoutError' }),
    });
    holder.close();
    await new Promise((resolve) => {
      deletion.onsuccess = resolve;
    });
    // The open that waited behind the deletion completes, and the stall with it.
    await vi.waitFor(() => readSession(options.key, store));
    const renewed = await session.renew(await session.token());
    expect(await readSession(options.key, store)).toMatchObject({ token: renewed });
  });
});

/** A connection of another build's, which never closes when asked to. */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.result.createObjectStore('sessions');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
