import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, InterceptorError } from '../errors/errors.js';
import { lostRequests } from '../providers/lostRequests.js';
import {
  countingStore,
  providerError,
  type ScriptedProvider,
  testSessionOptions,
} from '../testDoubles.fixtures.js';
import { createTokenSession } from './createTokenSession.js';
import { localLock } from './localLock.js';
import type { SessionInfo } from './SessionInfo.js';
import { readSession } from './tokenStore.js';

const HOUR = 3600_000;
const SERVER_ERROR = { status: 503, body: '{"error":"ErrorStoreUnavailable"}' };
/** A timeout or dropped connection: no answer was read. */
function lost() {
  const error = providerError(ErrorCode.TokenUnavailable);
  lostRequests.add(error);
  return error;
}
const DAY = 24 * HOUR;

const deviceOf = (options: { sessions: unknown[] }) =>
  (options.sessions[0] as SessionInfo).deviceId;

function setup(overrides = {}) {
  const options = testSessionOptions(overrides);
  const provider = options.provider as ScriptedProvider;
  return { options, provider, session: createTokenSession(options) };
}

/**
 * The shopper asks for a token, then again once `ms` has passed on the session's clock.
 *
 * @returns what the provider was asked, one entry a token request
 */
async function askAgainAfter(
  { session, provider, options }: ReturnType<typeof setup>,
  ms: number,
): Promise<unknown[]> {
  await session.token();
  options.clock.now += ms;
  await session.token();
  return provider.calls;
}

describe('a shopper on a first visit', () => {
  it('gets one token for twenty concurrent cart calls', async () => {
    const { session, provider, options } = setup();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.token()));
    expect(new Set(tokens).size).toBe(1);
    expect(provider.calls).toEqual([undefined]);
    expect(options.sessions).toHaveLength(1);
    expect(options.sessions[0]).toMatchObject({ provider: 'firmly', deviceCreated: true });
  });

  it('keeps the session in IndexedDB, with an expiry on the local clock', async () => {
    const { session, options } = setup();
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
    const { session } = setup();
    const token = await session.token();
    expect(JSON.stringify(await session.info())).not.toContain(token);
  });
});

describe('a warm worker', () => {
  it('reads IndexedDB once, not once per call', async () => {
    const counting = countingStore('counting-warm');
    const first = setup({ store: counting.store });
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
    const first = setup({ store: counting.store });
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

describe('renewal', () => {
  it('renews inside the margin by posting the old token back, keeping the device', async () => {
    const { session, provider, options } = setup();
    const first = await session.token();
    options.clock.now += HOUR - 299_000;
    const second = await session.token();
    expect(second).not.toBe(first);
    expect(provider.calls).toEqual([undefined, first]);
    expect(options.sessions[1]).toMatchObject({
      deviceId: deviceOf(options),
      deviceCreated: false,
    });
  });

  it('honours a configured margin', async () => {
    const shopper = setup({ renewMarginMs: 60_000 });
    expect(await askAgainAfter(shopper, HOUR - 120_000)).toHaveLength(1);
    shopper.options.clock.now += 61_000;
    await shopper.session.token();
    expect(shopper.provider.calls).toHaveLength(2);
  });

  it('renews a token that expired a day ago, on the same device', async () => {
    const { session, provider, options } = setup();
    const first = await session.token();
    options.clock.now += DAY;
    await session.token();
    expect(provider.calls).toEqual([undefined, first]);
    expect(options.sessions[1]).toMatchObject({ deviceId: deviceOf(options) });
  });

  it('starts afresh, without sending the old token, after more than a week', async () => {
    const shopper = setup();
    expect(await askAgainAfter(shopper, 8 * DAY)).toEqual([undefined, undefined]);
    expect(shopper.options.sessions[1]).toMatchObject({ deviceCreated: true });
  });

  it('starts afresh when the API says the token is too old to renew', async () => {
    const { session, provider, options } = setup();
    const first = await session.token();
    options.clock.now += 2 * DAY;
    provider.answers.push(providerError(ErrorCode.TokenExpired));
    await session.token();
    expect(provider.calls).toEqual([undefined, first, undefined]);
    expect(options.sessions.at(-1)).toMatchObject({ deviceCreated: true });
  });

  it('keeps using a still-valid token when an early renewal fails', async () => {
    const { session, provider, options } = setup();
    const first = await session.token();
    options.clock.now += HOUR - 100_000;
    for (let i = 0; i < 4; i++) provider.answers.push(providerError(ErrorCode.TokenUnavailable));
    expect(await session.token()).toBe(first);
  });

  it('is unaffected by a device clock hours off, because expiry comes from expires_in', async () => {
    const shopper = setup();
    shopper.options.clock.now -= 5 * HOUR; // the shopper's clock is five hours slow
    expect(await askAgainAfter(shopper, HOUR - 200_000)).toHaveLength(2);
  });
});

describe('a 401 on a cart call', () => {
  it('renews once for many concurrent callers', async () => {
    const { session, provider } = setup();
    const first = await session.token();
    const renewed = await Promise.all(Array.from({ length: 5 }, () => session.renew(first)));
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(first);
    expect(provider.calls).toEqual([undefined, first]);
  });

  it('does not renew again for a token that was already replaced', async () => {
    const { session, provider } = setup();
    const first = await session.token();
    const second = await session.renew(first);
    expect(await session.renew(first)).toBe(second);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('token endpoint failures', () => {
  it('retries a server error with back-off, then succeeds', async () => {
    const { session, provider, options } = setup();
    provider.answers.push(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR));
    provider.answers.push(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR));
    const started = options.clock.now;
    await session.token();
    expect(provider.calls).toHaveLength(3);
    // Full jitter with random() = 0.5: 100 ms, then 200 ms.
    expect(options.clock.now - started).toBe(300);
    expect(options.errors).toEqual([]);
  });

  it('gives up after a bounded number of attempts and reports one error', async () => {
    const { session, provider, options } = setup();
    for (let i = 0; i < 10; i++)
      provider.answers.push(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR));
    const results = await Promise.allSettled([session.token(), session.token(), session.token()]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(provider.calls).toHaveLength(4);
    expect(options.errors).toEqual([
      { code: 'TokenUnavailable', message: 'No session token from the API' },
    ]);
    expect(await readSession(options.key, options.store)).toBeUndefined();
  });

  it('does not retry a rejected application id, and reports it once', async () => {
    const { session, provider, options } = setup();
    const upstream = { status: 400, body: '{"error":"InvalidAppId"}' };
    provider.answers.push(providerError(ErrorCode.InvalidAppId, upstream));
    await expect(session.token()).rejects.toMatchObject({ code: 'InvalidAppId', upstream });
    await expect(session.token()).rejects.toMatchObject({ code: 'InvalidAppId' });
    expect(provider.calls).toHaveLength(1);
    expect(options.errors).toHaveLength(1);
  });

  it('turns an uncoded failure into TokenUnavailable', async () => {
    const { session, provider } = setup({
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, deadlineMs: 0 },
    });
    provider.acquire = () => Promise.reject(new Error('boom'));
    const error = await session.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterceptorError);
    expect(error).toMatchObject({ code: 'TokenUnavailable' });
  });
});

describe('clear()', () => {
  it('forgets the session in memory and IndexedDB; the next call starts a new one', async () => {
    const { session, provider, options } = setup();
    const first = await session.token();
    await session.clear();
    expect(await readSession(options.key, options.store)).toBeUndefined();
    const second = await session.token();
    expect(second).not.toBe(first);
    expect(provider.calls).toEqual([undefined, undefined]);
  });
});

describe('two contexts sharing one store and lock', () => {
  it('make one token request between them', async () => {
    const options = testSessionOptions();
    const a = createTokenSession(options);
    const b = createTokenSession(options);
    const [ta, tb] = await Promise.all([a.token(), b.token()]);
    expect(ta).toBe(tb);
    expect((options.provider as ScriptedProvider).calls).toHaveLength(1);
  });
});

describe('a shopper who abandons a call', () => {
  it('abandons the token request when no other call waits for it, and reports no error', async () => {
    const { session, provider, options } = setup();
    provider.gate = new Promise(() => undefined);
    const controller = new AbortController();
    const call = session.token(controller.signal);
    await vi.waitFor(() => expect(provider.calls).toHaveLength(1));
    controller.abort(new DOMException('aborted', 'AbortError'));
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(provider.aborted).toBe(1);
    expect(options.errors).toEqual([]);
  });

  it('keeps the token request going for the calls still waiting', async () => {
    const { session, provider } = setup();
    let open: () => void = () => undefined;
    provider.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = session.token(leaving.signal);
    const stayed = session.token(staying.signal);
    leaving.abort(new DOMException('aborted', 'AbortError'));
    await expect(left).rejects.toMatchObject({ name: 'AbortError' });
    open();
    await expect(stayed).resolves.toMatch(/^secret-token-/);
    expect(provider.aborted).toBe(0);
  });

  it('stops retrying a failing endpoint once the call is abandoned', async () => {
    const sleeps: number[] = [];
    const controller = new AbortController();
    const { session, provider } = setup({
      sleep: async (ms: number) => {
        sleeps.push(ms);
        controller.abort(new DOMException('aborted', 'AbortError'));
      },
    });
    for (let i = 0; i < 4; i++)
      provider.answers.push(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR));
    await expect(session.token(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(provider.calls).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });
});

describe('an API that renews to the very same token string', () => {
  it('is asked once per 401, not twice', async () => {
    const { session, provider } = setup();
    const first = await session.token();
    provider.answers.push({
      token: first,
      expiresInSeconds: 3600,
      deviceId: 'd',
      deviceCreated: false,
    });
    expect(await session.renew(first)).toBe(first);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('a token that lives no longer than the renewal margin', () => {
  it('makes one token request for fifteen calls within its life, and still renews before expiry', async () => {
    const { session, provider, options } = setup({ renewMarginMs: 300_000 });
    provider.answers.push({
      token: 'short',
      expiresInSeconds: 2,
      deviceId: 'd',
      deviceCreated: true,
    });
    for (let i = 0; i < 15; i++) {
      expect(await session.token()).toBe('short');
      options.clock.now += 100; // 1.4 s in all: inside the first three quarters of its life
    }
    expect(provider.calls).toHaveLength(1);
    options.clock.now += 200; // 1.6 s: a quarter of its life is left
    expect(await session.token()).not.toBe('short');
    expect(provider.calls).toEqual([undefined, 'short']);
  });

  it('keeps the configured margin for a token that lives long', async () => {
    const shopper = setup({ renewMarginMs: 300_000 });
    expect(await askAgainAfter(shopper, HOUR - 301_000)).toHaveLength(1);
  });
});

describe('a first visit on a slow network', () => {
  it('does not retry a token request that may still have created a device', async () => {
    const { session, provider, options } = setup();
    provider.answers.push(lost());
    await expect(session.token()).rejects.toMatchObject({ code: 'TokenUnavailable' });
    expect(provider.calls).toEqual([undefined]);
    expect(options.errors).toHaveLength(1);
    // The next call tries again, as Firmly's own client does.
    await session.token();
    expect(provider.calls).toEqual([undefined, undefined]);
  });

  it('retries a renewal that timed out: it keeps the device whatever happens', async () => {
    const { session, provider, options } = setup();
    const first = await session.token();
    options.clock.now += 2 * HOUR;
    provider.answers.push(lost());
    await session.token();
    expect(provider.calls).toEqual([undefined, first, first]);
  });
});

describe('a 400 from the token endpoint', () => {
  it('that does not name InvalidAppId is not fatal: it is tried again on a later call', async () => {
    const { session, provider } = setup();
    provider.answers.push(
      providerError(ErrorCode.TokenUnavailable, { status: 400, body: '{"error":"BadRequest"}' }),
    );
    await expect(session.token()).rejects.toMatchObject({ code: 'TokenUnavailable' });
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
  });
});

describe('a token endpoint that answers 429 with Retry-After', () => {
  const limited = (retryAfterMs: number) =>
    providerError(ErrorCode.TokenUnavailable, { status: 429, body: '', retryAfterMs });

  it('is asked again only once the wait is over, when that fits the deadline', async () => {
    const { session, provider, options } = setup();
    const started = options.clock.now;
    provider.answers.push(limited(2000));
    await session.token();
    expect(provider.calls).toHaveLength(2);
    expect(options.clock.now - started).toBe(2000);
  });

  it('is not asked again before the wait is over, however many calls come', async () => {
    const { session, provider, options } = setup();
    provider.answers.push(limited(30_000));
    for (let i = 0; i < 5; i++) {
      await expect(session.token()).rejects.toMatchObject({
        code: 'TokenUnavailable',
        upstream: { retryAfterMs: expect.any(Number) },
      });
      options.clock.now += 1000;
    }
    expect(provider.calls).toHaveLength(1);
    options.clock.now += 25_000;
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('calls that start while a refused token is being replaced', () => {
  it('wait for the replacement instead of taking the refused token', async () => {
    const { session, provider } = setup();
    const refused = await session.token();
    let open: () => void = () => undefined;
    provider.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const renewal = session.renew(refused);
    const later = Array.from({ length: 9 }, () => session.token());
    open();
    const tokens = await Promise.all([renewal, ...later]);
    expect(tokens.filter((t) => t === refused)).toEqual([]);
    expect(new Set(tokens).size).toBe(1);
    expect(provider.calls).toEqual([undefined, refused]);
  });
});

describe('a call that cannot wait (keepalive, as the page goes away)', () => {
  it('gets the token in memory at once, inside the margin too, but never a refused or expired one', async () => {
    const { session, provider, options } = setup();
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
