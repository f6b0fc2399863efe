import { promisifyRequest } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { OPTION_NAMES } from '../config/fieldNames.js';
import { validateWorkerConfig } from '../config/validateWorkerConfig.js';
import {
  createTokenStore,
  deleteSession,
  readSession,
  readWait,
  sessionKey,
  writeSession,
  writeWait,
} from './tokenStore.js';

/** A session as the store keeps it. */
const session = {
  token: 't',
  deviceId: 'd',
  expiresAt: 2000,
  issuedAt: 1000,
  deviceCreated: true,
};

describe('sessionKey', () => {
  it('a storefront that adds its payment host keeps the shopper signed in to the same session', () => {
    const before = validateWorkerConfig({ provider: 'firmly', appId: 'shop' }, OPTION_NAMES);
    const after = validateWorkerConfig(
      {
        provider: 'firmly',
        appId: 'shop',
        apiOrigins: ['https://api.firmly.work', 'https://cc.firmly.work'],
      },
      OPTION_NAMES,
    );
    expect(sessionKey(after)).toBe(sessionKey(before));
    // The key sessions were stored under before lists existed.
    expect(sessionKey(before)).toBe('["firmly","shop","https://api.firmly.work"]');
  });

  it('two APIs on one site keep two sessions', () => {
    const one = validateWorkerConfig({ provider: 'firmly', appId: 'shop' }, OPTION_NAMES);
    const other = validateWorkerConfig(
      { provider: 'firmly', appId: 'shop', apiOrigin: 'https://api.staging.example' },
      OPTION_NAMES,
    );
    expect(sessionKey(other)).not.toBe(sessionKey(one));
  });
});

describe('readSession', () => {
  it('reads back what was written', async () => {
    const store = createTokenStore('token-store-round-trip', 'sessions');
    await writeSession('k', session, store);
    expect(await readSession('k', store)).toEqual(session);
  });

  it('reads a record of another shape, such as one without issuedAt, as none', async () => {
    const store = createTokenStore('token-store-other-shape', 'sessions');
    const { issuedAt: _, ...withoutIssuedAt } = session;
    await store('readwrite', (sessions) => {
      sessions.put(withoutIssuedAt, 'k');
      return promisifyRequest(sessions.transaction);
    });
    expect(await readSession('k', store)).toBeUndefined();
  });
});

describe('a storefront that deletes our database ("clear everything") while a tab holds it open', () => {
  it('is not blocked: the connection closes, and the next operation opens a fresh database', async () => {
    const store = createTokenStore('token-store-deleted', 'sessions');
    await writeSession('k', session, store);
    const deletion = indexedDB.deleteDatabase('token-store-deleted');
    const outcome = await new Promise((resolve) => {
      deletion.onsuccess = () => resolve('deleted');
      deletion.onblocked = () => resolve('blocked');
    });
    expect(outcome).toBe('deleted');
    expect(await readSession('k', store)).toBeUndefined();
    await writeSession('k', session, store);
    expect(await readSession('k', store)).toEqual(session);
  });

  it('bounds every operation while a connection that never closes blocks the deletion', async () => {
    const store = createTokenStore('token-store-stalled', 'sessions', 20);
    await writeSession('k', session, store);
    const holder = await openRaw('token-store-stalled');
    const deletion = indexedDB.deleteDatabase('token-store-stalled');
    await new Promise((resolve) => {
      deletion.onblocked = resolve;
    });
    // Our own connection let go; the other holds on. The next open queues behind the deletion.
    await expect(readSession('k', store)).rejects.toMatchObject({ name: 'TimeoutError' });
    // While that open is pending, later operations do not wait the bound again.
    const started = performance.now();
    await expect(writeSession('k', session, store)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(20);
    holder.close();
    await new Promise((resolve) => {
      deletion.onsuccess = resolve;
    });
    await vi.waitFor(() => readSession('k', store));
    expect(await readSession('k', store)).toBeUndefined();
  });
});

describe("the token endpoint's wait", () => {
  it('is kept beside the session, and ends when a token arrives or the session is cleared', async () => {
    const store = createTokenStore('token-store-wait', 'sessions');
    await writeWait('k', { until: 5000, retryAfterMs: 120_000 }, store);
    expect(await readWait('k', store)).toEqual({ until: 5000, retryAfterMs: 120_000 });
    expect(await readSession('k', store)).toBeUndefined();
    await writeSession('k', session, store);
    expect(await readWait('k', store)).toBeUndefined();
    await writeWait('k', { until: 5000, retryAfterMs: 120_000 }, store);
    await deleteSession('k', store);
    expect(await readWait('k', store)).toBeUndefined();
  });
});

/** A connection of another build's, which never closes when asked to. */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
