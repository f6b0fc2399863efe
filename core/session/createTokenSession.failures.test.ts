import { describe, expect, it } from 'vitest';
import { ErrorCode, InterceptorError } from '../errors/errors.js';
import { providerError } from '../testDoubles.fixtures.js';
import { HOUR, lostRequest, SERVER_ERROR, sessionUnderTest } from './sessionUnderTest.fixtures.js';
import { readSession } from './tokenStore.js';

describe('token endpoint failures', () => {
  it('retries a server error with back-off, then succeeds', async () => {
    const { session, provider, options } = sessionUnderTest();
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
    const { session, provider, options } = sessionUnderTest();
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
    const { session, provider, options } = sessionUnderTest();
    const upstream = { status: 400, body: '{"error":"InvalidAppId"}' };
    provider.answers.push(providerError(ErrorCode.InvalidAppId, upstream));
    await expect(session.token()).rejects.toMatchObject({ code: 'InvalidAppId', upstream });
    await expect(session.token()).rejects.toMatchObject({ code: 'InvalidAppId' });
    expect(provider.calls).toHaveLength(1);
    expect(options.errors).toHaveLength(1);
  });

  it('turns an uncoded failure into TokenUnavailable', async () => {
    const { session, provider } = sessionUnderTest({
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, deadlineMs: 0 },
    });
    provider.acquire = () => Promise.reject(new Error('boom'));
    const error = await session.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterceptorError);
    expect(error).toMatchObject({ code: 'TokenUnavailable' });
  });
});

describe('a first visit on a slow network', () => {
  it('retries a token request that got no answer within the call, which then succeeds', async () => {
    const { session, provider, options } = sessionUnderTest();
    provider.answers.push(lostRequest());
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toEqual([undefined, undefined]);
    expect(options.errors).toEqual([]);
    expect(options.sessions).toEqual([expect.objectContaining({ deviceCreated: true })]);
  });

  it('a 500, then a dropped connection: the third attempt gets the shopper a token', async () => {
    const { session, provider } = sessionUnderTest();
    provider.answers.push(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR), lostRequest());
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toEqual([undefined, undefined, undefined]);
  });

  it('after a timeout, tries once more inside the deadline, and no more', async () => {
    // Each attempt waits out the 5 s per-attempt timeout on the session's clock.
    const { session, provider, options } = sessionUnderTest();
    const acquire = provider.acquire;
    provider.acquire = async (request) => {
      options.clock.now += 5000;
      return acquire(request);
    };
    for (let i = 0; i < 4; i++) provider.answers.push(lostRequest());
    await expect(session.token()).rejects.toMatchObject({ code: 'TokenUnavailable' });
    // The second starts 5.1 s after the first, inside the 6 s deadline; a third would not.
    expect(provider.calls).toEqual([undefined, undefined]);
    expect(options.errors).toHaveLength(1);
  });

  it('retries a renewal that timed out: it keeps the device whatever happens', async () => {
    const { session, provider, options } = sessionUnderTest();
    const first = await session.token();
    options.clock.now += 2 * HOUR;
    provider.answers.push(lostRequest());
    await session.token();
    expect(provider.calls).toEqual([undefined, first, first]);
  });
});

describe('a 400 from the token endpoint', () => {
  it('that does not name InvalidAppId is not fatal: it is tried again on a later call', async () => {
    const { session, provider } = sessionUnderTest();
    provider.answers.push(
      providerError(ErrorCode.TokenUnavailable, { status: 400, body: '{"error":"BadRequest"}' }),
    );
    await expect(session.token()).rejects.toMatchObject({ code: 'TokenUnavailable' });
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
  });
});

describe('a session whose tokens the API refuses one after another', () => {
  it('waits before renewing again, tells calls why, and clear() ends the wait', async () => {
    const { session, provider, options } = sessionUnderTest();
    const first = await session.token();
    const second = await session.renew(first);
    await expect(session.renew(second)).rejects.toMatchObject({ code: 'TokenRefused' });
    await expect(session.token()).rejects.toMatchObject({ code: 'TokenRefused' });
    expect(provider.calls).toEqual([undefined, first]);
    expect(options.errors).toEqual([expect.objectContaining({ code: 'TokenRefused' })]);
    await session.clear();
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toHaveLength(3);
  });
});
