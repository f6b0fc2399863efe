import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import { providerError } from '../testDoubles.fixtures.js';
import {
  askAgainAfter,
  DAY,
  deviceOf,
  HOUR,
  sessionUnderTest,
} from './sessionUnderTest.fixtures.js';

describe('renewal', () => {
  it('renews inside the margin by posting the old token back, keeping the device', async () => {
    const { session, provider, options } = sessionUnderTest();
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
    const shopper = sessionUnderTest({ renewMarginMs: 60_000 });
    expect(await askAgainAfter(shopper, HOUR - 120_000)).toHaveLength(1);
    shopper.options.clock.now += 61_000;
    await shopper.session.token();
    expect(shopper.provider.calls).toHaveLength(2);
  });

  it('renews a token that expired a day ago, on the same device', async () => {
    const { session, provider, options } = sessionUnderTest();
    const first = await session.token();
    options.clock.now += DAY;
    await session.token();
    expect(provider.calls).toEqual([undefined, first]);
    expect(options.sessions[1]).toMatchObject({ deviceId: deviceOf(options) });
  });

  it('starts afresh, without sending the old token, after more than a week', async () => {
    const shopper = sessionUnderTest();
    expect(await askAgainAfter(shopper, 8 * DAY)).toEqual([undefined, undefined]);
    expect(shopper.options.sessions[1]).toMatchObject({ deviceCreated: true });
  });

  it('starts afresh when the API says the token is too old to renew', async () => {
    const { session, provider, options } = sessionUnderTest();
    const first = await session.token();
    options.clock.now += 2 * DAY;
    provider.answers.push(providerError(ErrorCode.TokenExpired));
    await session.token();
    expect(provider.calls).toEqual([undefined, first, undefined]);
    expect(options.sessions.at(-1)).toMatchObject({ deviceCreated: true });
  });

  it('keeps using a still-valid token when an early renewal fails', async () => {
    const { session, provider, options } = sessionUnderTest();
    const first = await session.token();
    options.clock.now += HOUR - 100_000;
    for (let i = 0; i < 4; i++) provider.answers.push(providerError(ErrorCode.TokenUnavailable));
    expect(await session.token()).toBe(first);
  });

  it('is unaffected by a device clock hours off, because expiry comes from expires_in', async () => {
    const shopper = sessionUnderTest();
    shopper.options.clock.now -= 5 * HOUR; // the shopper's clock is five hours slow
    expect(await askAgainAfter(shopper, HOUR - 200_000)).toHaveLength(2);
  });
});

describe('a token that lives no longer than the renewal margin', () => {
  it('makes one token request for fifteen calls within its life, and still renews before expiry', async () => {
    const { session, provider, options } = sessionUnderTest({ renewMarginMs: 300_000 });
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
    const shopper = sessionUnderTest({ renewMarginMs: 300_000 });
    expect(await askAgainAfter(shopper, HOUR - 301_000)).toHaveLength(1);
  });
});
