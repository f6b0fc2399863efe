import { describe, expect, it } from 'vitest';
import { ErrorCode, InterceptorError } from '../errors/errors.js';
import { providerError } from '../testDoubles.fixtures.js';
import * as renewalPolicy from './renewalPolicy.js';
import { HOUR, lostRequest, rateLimited, SERVER_ERROR } from './sessionUnderTest.fixtures.js';
import type { StoredSession } from './tokenStore.js';

const ISSUED = Date.UTC(2026, 10, 29, 12);
const MARGIN = 300_000;

/** A token obtained at `ISSUED` that lives `lifetimeMs`. */
const tokenLiving = (lifetimeMs: number): StoredSession => ({
  token: 't',
  deviceId: 'd',
  expiresAt: ISSUED + lifetimeMs,
  issuedAt: ISSUED,
  deviceCreated: true,
});

describe('renewalPolicy: when a token is good', () => {
  it('a token that lives an hour is renewed the configured margin before it expires', () => {
    const hour = tokenLiving(HOUR);
    expect(renewalPolicy.effectiveMarginMs(hour, MARGIN)).toBe(MARGIN);
    expect(renewalPolicy.isFresh(hour, ISSUED + HOUR - MARGIN - 1, MARGIN)).toBe(true);
    expect(renewalPolicy.isFresh(hour, ISSUED + HOUR - MARGIN, MARGIN)).toBe(false);
  });

  it('a token that lives two seconds is renewed with a quarter of its life left, not at once', () => {
    const short = tokenLiving(2000);
    expect(renewalPolicy.effectiveMarginMs(short, MARGIN)).toBe(500);
    expect(renewalPolicy.isFresh(short, ISSUED, MARGIN)).toBe(true);
    expect(renewalPolicy.isFresh(short, ISSUED + 1499, MARGIN)).toBe(true);
    expect(renewalPolicy.isFresh(short, ISSUED + 1500, MARGIN)).toBe(false);
  });

  it('a token inside the margin still serves until it expires', () => {
    const hour = tokenLiving(HOUR);
    expect(renewalPolicy.isUsable(hour, ISSUED + HOUR - 1)).toBe(true);
    expect(renewalPolicy.isUsable(hour, ISSUED + HOUR)).toBe(false);
  });
});

describe('renewalPolicy: what is tried again at once', () => {
  const badRequest = providerError(ErrorCode.TokenUnavailable, { status: 400, body: '{}' });
  const malformed = providerError(ErrorCode.TokenUnavailable);

  it('a renewal keeps its device, so any TokenUnavailable is tried again', () => {
    for (const error of [lostRequest(), badRequest, malformed, rateLimited(1000)])
      expect(renewalPolicy.isRetryable(error, true)).toBe(true);
  });

  it('a first visit is tried again after a request that got no answer: its device is lost anyway', () => {
    expect(renewalPolicy.isRetryable(lostRequest(), false)).toBe(true);
  });

  it('a first visit is tried again after a 5xx, a 429 or a malformed answer, never another 4xx', () => {
    const serverError = providerError(ErrorCode.TokenUnavailable, SERVER_ERROR);
    expect(renewalPolicy.isRetryable(serverError, false)).toBe(true);
    expect(renewalPolicy.isRetryable(rateLimited(1000), false)).toBe(true);
    expect(renewalPolicy.isRetryable(malformed, false)).toBe(true);
    expect(renewalPolicy.isRetryable(new Error('uncoded'), false)).toBe(true);
    expect(renewalPolicy.isRetryable(badRequest, false)).toBe(false);
  });

  it('a refusal with another code is never tried again at once', () => {
    for (const code of [
      ErrorCode.InvalidAppId,
      ErrorCode.InvalidApiKey,
      ErrorCode.TokenExpired,
      ErrorCode.SessionTokenFailed,
    ]) {
      expect(renewalPolicy.isRetryable(providerError(code), true)).toBe(false);
      expect(renewalPolicy.isRetryable(providerError(code), false)).toBe(false);
    }
  });
});

describe('renewalPolicy: what stays refused, and how long to wait', () => {
  it('a rejected application id or API key stays refused; nothing else does', () => {
    expect(renewalPolicy.isFatal(providerError(ErrorCode.InvalidAppId))).toBe(true);
    expect(renewalPolicy.isFatal(providerError(ErrorCode.InvalidApiKey))).toBe(true);
    expect(renewalPolicy.isFatal(providerError(ErrorCode.TokenUnavailable))).toBe(false);
    expect(renewalPolicy.isFatal(providerError(ErrorCode.TokenExpired))).toBe(false);
    expect(renewalPolicy.isFatal(providerError(ErrorCode.SessionTokenFailed))).toBe(false);
  });

  it('the wait a failure asks for is its Retry-After, else none', () => {
    expect(renewalPolicy.retryAfterMs(rateLimited(3000))).toBe(3000);
    expect(renewalPolicy.retryAfterMs(new InterceptorError('TokenUnavailable'))).toBe(0);
    expect(renewalPolicy.retryAfterMs(new Error('uncoded'))).toBe(0);
  });
});

describe('renewalPolicy: how long renewals wait while the API refuses token after token', () => {
  it('not at all after one refusal; from the second, 10 s, doubling, up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(renewalPolicy.refusalWaitMs)).toEqual([
      0, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });
});
