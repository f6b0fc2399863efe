import { ErrorCode, InterceptorError } from '../errors/errors.js';
import {
  providerError,
  type ScriptedProvider,
  testSessionOptions,
} from '../testDoubles.fixtures.js';
import { createTokenSession, type TokenSession } from './createTokenSession.js';
import type { SessionInfo } from './SessionInfo.js';
import type { TokenSessionOptions } from './TokenSessionOptions.js';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const SERVER_ERROR = { status: 503, body: '{"error":"ErrorStoreUnavailable"}' };

/** @returns a timeout or dropped connection: no answer was read */
export function lostRequest(): InterceptorError {
  return new InterceptorError('TokenUnavailable', 'browser-session unreachable');
}

/** @returns a `429` that asks for `retryAfterMs` of quiet */
export function rateLimited(retryAfterMs: number) {
  return providerError(ErrorCode.TokenUnavailable, { status: 429, body: '', retryAfterMs });
}

/** @returns the device of the first session announced */
export const deviceOf = (options: { sessions: unknown[] }) =>
  (options.sessions[0] as SessionInfo).deviceId;

/** A session on a scripted provider, a settable clock and a fresh database. */
export interface SessionUnderTest {
  options: ReturnType<typeof testSessionOptions>;
  provider: ScriptedProvider;
  session: TokenSession;
}

/**
 * @param overrides - options to change
 * @returns a new session, with its options and provider to script and inspect
 */
export function sessionUnderTest(overrides: Partial<TokenSessionOptions> = {}): SessionUnderTest {
  const options = testSessionOptions(overrides);
  const provider = options.provider as ScriptedProvider;
  return { options, provider, session: createTokenSession(options) };
}

/**
 * The shopper asks for a token, then again once `ms` has passed on the session's clock.
 *
 * @returns what the provider was asked, one entry a token request
 */
export async function askAgainAfter(
  { session, provider, options }: SessionUnderTest,
  ms: number,
): Promise<unknown[]> {
  await session.token();
  options.clock.now += ms;
  await session.token();
  return provider.calls;
}
