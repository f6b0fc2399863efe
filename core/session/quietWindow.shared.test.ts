import { describe, expect, it } from 'vitest';
import { scriptedProvider } from '../testDoubles.fixtures.js';
import { createTokenSession } from './createTokenSession.js';
import { createQuietWindow } from './quietWindow.js';
import { HOUR, rateLimited, sessionUnderTest } from './sessionUnderTest.fixtures.js';

const WAIT = 120_000;
const quietAnswer = { code: 'TokenUnavailable', upstream: { status: 429 } };

/** A session rate-limited for two minutes, and a way to start another context of the origin. */
async function rateLimitedFor2Minutes() {
  const underTest = sessionUnderTest();
  underTest.provider.answers.push(rateLimited(WAIT));
  await expect(underTest.session.token()).rejects.toMatchObject(quietAnswer);
  // Another context of the origin: the worker after a restart, another tab, a new page load.
  const anotherContext = () => {
    const provider = scriptedProvider();
    return { provider, session: createTokenSession({ ...underTest.options, provider }) };
  };
  return { ...underTest, anotherContext };
}

describe('a token endpoint that answers 429 with Retry-After: 120, heeded by the whole device', () => {
  it('the worker restarted during the wait (or another tab, or a new page load) asks nothing until it is over', async () => {
    const { options, anotherContext } = await rateLimitedFor2Minutes();
    for (let i = 0; i < 3; i++) {
      const restarted = anotherContext();
      await expect(restarted.session.token()).rejects.toMatchObject(quietAnswer);
      expect(restarted.provider.calls).toEqual([]);
      options.clock.now += 30_000;
    }
    options.clock.now += 30_000;
    const after = anotherContext();
    await expect(after.session.token()).resolves.toMatch(/^secret-token-/);
    expect(after.provider.calls).toHaveLength(1);
  });

  it('ends for every context once a token arrives', async () => {
    const { options, session, anotherContext } = await rateLimitedFor2Minutes();
    options.clock.now += WAIT;
    await session.token();
    // The clock set back past the wait's end afterwards does not bring it back.
    options.clock.correction -= 2 * HOUR;
    const later = anotherContext();
    await expect(later.session.token()).resolves.toMatch(/^secret-token-/);
  });
});

describe('the device clock set back 2 h (an NTP correction) during the wait', () => {
  it('ends the wait on time for the context that was told to wait, however many calls it makes meanwhile', async () => {
    const { session, provider, options } = await rateLimitedFor2Minutes();
    options.clock.correction -= 2 * HOUR;
    for (let i = 0; i < 4; i++) {
      await expect(session.token()).rejects.toMatchObject(quietAnswer);
      options.clock.now += 30_000;
    }
    options.clock.now += 1000;
    await expect(session.token()).resolves.toMatch(/^secret-token-/);
    expect(provider.calls).toHaveLength(2);
  });

  it('keeps a fresh context waiting no longer than the endpoint asked', async () => {
    const { options, anotherContext } = await rateLimitedFor2Minutes();
    options.clock.now += 10_000;
    options.clock.correction -= 2 * HOUR;
    const fresh = anotherContext();
    await expect(fresh.session.token()).rejects.toMatchObject(quietAnswer);
    options.clock.now += WAIT;
    await expect(fresh.session.token()).resolves.toMatch(/^secret-token-/);
    expect(fresh.provider.calls).toHaveLength(1);
  });

  it('set forward instead, does not skip the wait', async () => {
    const { session, provider, options } = await rateLimitedFor2Minutes();
    options.clock.correction += 2 * HOUR;
    options.clock.now += 1000;
    await expect(session.token()).rejects.toMatchObject(quietAnswer);
    expect(provider.calls).toHaveLength(1);
  });
});

describe('createQuietWindow, across contexts', () => {
  const clocks = () => {
    const time = { wall: 1_000_000, mono: 50 };
    const window = createQuietWindow(
      () => time.wall,
      () => time.mono,
    );
    return { time, window };
  };

  it('hands over the wait to keep, on the wall clock, only when it opens or grows', () => {
    const { window } = clocks();
    expect(window.heed(rateLimited(10_000))).toEqual({ until: 1_010_000, retryAfterMs: 10_000 });
    expect(window.heed(rateLimited(1000))).toBeUndefined();
  });

  it('joins a kept wait for what is left of it, capped at the wait asked for', () => {
    const { time, window } = clocks();
    window.adopt({ until: time.wall + 2 * HOUR, retryAfterMs: 5000 });
    time.mono += 4999;
    expect(() => window.throwIfQuiet()).toThrow();
    time.mono += 1;
    expect(() => window.throwIfQuiet()).not.toThrow();
  });

  it('ignores a wait that is over, and one it has joined before', () => {
    const { time, window } = clocks();
    window.adopt({ until: time.wall - 1, retryAfterMs: 5000 });
    expect(() => window.throwIfQuiet()).not.toThrow();
    const kept = { until: time.wall + 5000, retryAfterMs: 5000 };
    window.adopt(kept);
    time.mono += 5000;
    time.wall -= 2 * HOUR;
    window.adopt(kept);
    expect(() => window.throwIfQuiet()).not.toThrow();
  });
});
