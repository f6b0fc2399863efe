import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import { providerError } from '../testDoubles.fixtures.js';
import { createQuietWindow } from './quietWindow.js';
import { rateLimited, SERVER_ERROR, sessionUnderTest } from './sessionUnderTest.fixtures.js';

describe('a token endpoint that answers 429 with Retry-After', () => {
  it('is asked again only once the wait is over, when that fits the deadline', async () => {
    const { session, provider, options } = sessionUnderTest();
    const started = options.clock.now;
    provider.answers.push(rateLimited(2000));
    await session.token();
    expect(provider.calls).toHaveLength(2);
    expect(options.clock.now - started).toBe(2000);
  });

  it('is not asked again before the wait is over, however many calls come', async () => {
    const { session, provider, options } = sessionUnderTest();
    provider.answers.push(rateLimited(30_000));
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

describe('a shopper who signs out while the token endpoint asks for quiet', () => {
  it('starts a new session at once: clear() ends the quiet', async () => {
    const { session, provider } = sessionUnderTest();
    provider.answers.push(rateLimited(30_000));
    await expect(session.token()).rejects.toMatchObject({ code: 'TokenUnavailable' });
    await session.clear();
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('createQuietWindow', () => {
  const clock = () => {
    const time = { now: 1_000_000 };
    return {
      time,
      window: createQuietWindow(
        () => time.now,
        () => time.now,
      ),
    };
  };

  it('is closed until a failure asks for a wait', () => {
    const { window } = clock();
    expect(() => window.throwIfQuiet()).not.toThrow();
    window.heed(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR));
    window.heed(new Error('no Retry-After here'));
    expect(() => window.throwIfQuiet()).not.toThrow();
  });

  it('answers as a 429 with the wait that is left, then opens once it is over', () => {
    const { time, window } = clock();
    window.heed(rateLimited(3000));
    time.now += 1000;
    expect(() => window.throwIfQuiet()).toThrow(
      expect.objectContaining({
        code: 'TokenUnavailable',
        upstream: { status: 429, body: '', retryAfterMs: 2000 },
      }),
    );
    time.now += 2000;
    expect(() => window.throwIfQuiet()).not.toThrow();
  });

  it('is not cut short by a later, shorter wait', () => {
    const { time, window } = clock();
    window.heed(rateLimited(10_000));
    window.heed(rateLimited(1000));
    time.now += 5000;
    expect(() => window.throwIfQuiet()).toThrow(
      expect.objectContaining({ upstream: expect.objectContaining({ retryAfterMs: 5000 }) }),
    );
  });

  it('closes at once when told to', () => {
    const { window } = clock();
    window.heed(rateLimited(10_000));
    window.close();
    expect(() => window.throwIfQuiet()).not.toThrow();
  });
});
