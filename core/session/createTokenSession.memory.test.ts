import { describe, expect, it } from 'vitest';
import { countingStore } from '../testDoubles.fixtures.js';
import { createTokenSession } from './createTokenSession.js';
import { localLock } from './localLock.js';
import type { SessionInfo } from './SessionInfo.js';
import { HOUR, sessionUnderTest } from './sessionUnderTest.fixtures.js';
import { readSession } from './tokenStore.js';

describe('a shopper on a first visit', () => {
  it('keeps the session in IndexedDB, with an expiry on the local clock', async () => {
    const { session, options } = sessionUnderTest();
    const token = await session.token();
    const stored = await readSession(options.key, options.store);
    expect(stored).toEqual({
      token,
      deviceId: (options.sessions[0] as SessionInfo).deviceId,
      expiresAt: options.clock.now + HOUR,
      issuedAt: options.clock.now,
      deviceCreated: true,
    });
  });

  it('never hands the token to the page', async () => {
    const { session } = sessionUnderTest();
    const token = await session.token();
    expect(JSON.stringify(await session.info())).not.toContain(token);
  });
});

describe('a warm worker', () => {
  it('reads IndexedDB once, not once per call', async () => {
    const counting = countingStore('counting-warm');
    const first = sessionUnderTest({ store: counting.store });
    await first.session.token();
    // A restarted worker: new memory, same database.
    const restarted = createTokenSession({ ...first.options, store: counting.store });
    const before = counting.count();
    await Promise.all(Array.from({ length: 10 }, () => restarted.token()));
    await restarted.token();
    expect(counting.count() - before).toBe(1);
    expect(first.provider.calls).toHaveLength(1);
  });
});

describe('a worker that has just started', () => {
  /** A first worker that obtained a token, and the shared database a restarted one reads. */
  async function afterRestart() {
    const counting = countingStore(`counting-preload-${Math.random()}`);
    const first = sessionUnderTest({ store: counting.store });
    const token = await first.session.token();
    let locks = 0;
    const lock = localLock();
    const restarted = createTokenSession({
      ...first.options,
      store: counting.store,
      withLock: (name, fn) => {
        locks++;
        return lock(name, fn);
      },
    });
    return { first, token, restarted, counting, locks: () => locks };
  }

  it('reads the stored session as it starts, so its first call waits for no lock', async () => {
    const { first, token, restarted, counting, locks } = await afterRestart();
    const before = counting.count();
    restarted.preload();
    // The shopper's first cart call arrives while the read is still under way.
    const tokens = await Promise.all([restarted.token(), restarted.token()]);
    expect(tokens).toEqual([token, token]);
    expect(counting.count() - before).toBe(1);
    expect(locks()).toBe(0);
    expect(first.provider.calls).toHaveLength(1);
  });

  it('a clear() while the stored session is being read is not undone by the read', async () => {
    const { first, token, restarted } = await afterRestart();
    restarted.preload();
    await restarted.clear();
    const next = await restarted.token();
    expect(next).not.toBe(token);
    expect(first.provider.calls).toEqual([undefined, undefined]);
  });

  it('a stored token inside the renewal margin is renewed at the first call, as before', async () => {
    const { first, token, restarted } = await afterRestart();
    first.options.clock.now += HOUR - 299_000;
    restarted.preload();
    expect(await restarted.token()).not.toBe(token);
    expect(first.provider.calls).toEqual([undefined, token]);
  });
});

describe('clear()', () => {
  it('forgets the session in memory and IndexedDB; the next call starts a new one', async () => {
    const { session, provider, options } = sessionUnderTest();
    const first = await session.token();
    await session.clear();
    expect(await readSession(options.key, options.store)).toBeUndefined();
    const second = await session.token();
    expect(second).not.toBe(first);
    expect(provider.calls).toEqual([undefined, undefined]);
  });
});

describe('a call that cannot wait (keepalive, as the page goes away)', () => {
  it('gets the token in memory at once, inside the margin too, but never a refused or expired one', async () => {
    const { session, provider, options } = sessionUnderTest();
    expect(session.tokenNow()).toBeUndefined();
    const token = await session.token();
    expect(session.tokenNow()).toBe(token);
    // Inside the margin a waiting call would renew first; one that cannot wait still goes.
    options.clock.now += HOUR - 60_000;
    expect(session.tokenNow()).toBe(token);
    options.clock.now += 60_000;
    expect(session.tokenNow()).toBeUndefined();

    const fresh = await session.token();
    provider.gate = new Promise<void>(() => undefined);
    void session.renew(fresh).catch(() => undefined);
    expect(session.tokenNow()).toBeUndefined();
  });
});
