import { asInterceptorError, InterceptorError } from '../errors/errors.js';
import { obtainToken } from './obtainToken.js';
import { createQuietWindow } from './quietWindow.js';
import { createRefusalBackoff } from './refusalBackoff.js';
import * as renewalPolicy from './renewalPolicy.js';
import type { SessionInfo } from './SessionInfo.js';
import { createSingleFlight } from './singleFlight.js';
import type { TokenSessionOptions } from './TokenSessionOptions.js';
import { deleteSession, readSession, type StoredSession } from './tokenStore.js';
import { tolerateStore } from './tolerateStore.js';
import { toSessionInfo } from './toSessionInfo.js';

/** The token lifecycle, shared by the worker and any other host. */
export interface TokenSession {
  /**
   * @param signal - the caller's call was abandoned; when every waiter has gone, so does the
   *   token request
   * @returns a token that is good for now, obtaining or renewing one if needed
   * @throws InterceptorError with the code that says why no token can be had: a refusal of the
   *   configuration (`InvalidAppId`, `InvalidApiKey`), Digital River's page step failing
   *   (`SessionTokenFailed`), or anything else (`TokenUnavailable`); or the signal's reason
   */
  token(signal?: AbortSignal): Promise<string>;
  /**
   * Replaces a token the API refused. Concurrent callers share one renewal. Once the API has
   * refused a replacement too, renewals wait, longer each time, until it accepts a token.
   *
   * @param rejected - the token the API answered 401 to
   * @param signal - as for {@link TokenSession.token}
   * @returns a different token
   * @throws as {@link TokenSession.token} does, or `TokenRefused` while renewals wait (which
   *   `token()` throws too, as long as the token in memory is the refused one)
   */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
  /**
   * Notes that the API answered a call that carried `token` other than with a 401: a run of
   * refused tokens is over.
   *
   * @param token - the token the call carried
   */
  accepted(token: string): void;
  /**
   * For a call that cannot wait (a `keepalive` call from a page that is going away): the token
   * in memory, if it has not expired and the API has not refused it, even inside the margin.
   *
   * @returns that token, or `undefined` when getting one would mean waiting
   */
  tokenNow(): string | undefined;
  /** @returns what the page may know of the session, obtaining one if there is none */
  info(): Promise<SessionInfo>;
  /** Forgets the session, in memory and in the store. */
  clear(): Promise<void>;
  /**
   * Reads the stored session into memory ahead of the first call, without the lock: a host that
   * has just started calls it so that call does not wait for IndexedDB (and the lock) behind it.
   * Calls made meanwhile wait for the read rather than start a second one.
   */
  preload(): void;
}

/**
 * Creates the token lifecycle: memory first (a warm host never reads IndexedDB per request),
 * then the store, then the provider, with one token request in flight at a time. This layer
 * keeps what is in memory; {@link obtainToken} does the work under the lock.
 *
 * @param options - the host's dependencies
 * @returns the session
 */
export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const { now, renewMarginMs } = options;
  let current: StoredSession | undefined;
  // A refusal of the configuration, kept until clear(): no token request is made meanwhile.
  let fatal: InterceptorError | undefined;
  // Bumped by clear(), so a token obtained before the clear is not put back in memory after it.
  let generation = 0;
  // The current token once the API answered 401 to it: no call starts with it again.
  let refused: string | undefined;
  const quiet = createQuietWindow(now, options.monotonic);
  const refusals = createRefusalBackoff(now);
  // Meta: the refused token a flight was started to replace, if any.
  const flight = createSingleFlight<StoredSession, string | undefined>();
  // The read started by preload(), while it lasts.
  let preloading: Promise<void> | undefined;

  const isFresh = (session: StoredSession) => renewalPolicy.isFresh(session, now(), renewMarginMs);
  const isUsable = (session: StoredSession) => renewalPolicy.isUsable(session, now());

  /** One token request, and what it leaves in memory: the session, a refusal that stays, an error. */
  function obtainAndRemember(rejected: string | undefined) {
    const started = generation;
    return (signal: AbortSignal) =>
      obtainToken(options, { rejected, remembered: () => current, quiet, signal }).then(
        (session) => {
          if (started === generation) {
            current = session;
            // The replacement arrived: even when it is the same string, it is a new grant.
            if (rejected !== undefined && rejected === refused) refused = undefined;
          }
          return session;
        },
        (error: unknown) => {
          // Abandoned because every waiter left: not a failure anyone needs to hear about.
          if (signal.aborted) {
            options.log?.('token request abandoned: no call waits for it any more');
            throw error;
          }
          const coded = asInterceptorError(error);
          if (renewalPolicy.isFatal(coded)) fatal = coded;
          options.onError(coded.toInfo());
          throw coded;
        },
      );
  }

  function shareTokenRequest(
    rejected: string | undefined,
    signal?: AbortSignal,
  ): Promise<StoredSession> {
    if (fatal) return Promise.reject(fatal);
    return flight.join(rejected, obtainAndRemember(rejected), signal);
  }

  async function replaceRefused(rejected: string, signal?: AbortSignal): Promise<string> {
    if (current && current.token !== rejected && isUsable(current)) return current.token;
    if (current?.token === rejected) refused = rejected;
    if (refusals.refused(current?.token === rejected ? current : rejected)) {
      // Once per run of refusals, however many calls meet it and however long it lasts.
      options.onError(new InterceptorError('TokenRefused', 'two in a row').toInfo());
    }
    refusals.throwIfWaiting();
    // A flight already under way that did not know this token was refused may hand it back.
    const running = flight.pending();
    const joinsUnaware = running !== undefined && running.meta !== rejected;
    let session = await shareTokenRequest(rejected, signal);
    if (joinsUnaware && session.token === rejected)
      session = await shareTokenRequest(rejected, signal);
    // The API may renew to the very same string (same claims within one second): the one
    // retry still goes out, and a second 401 reaches the page.
    return session.token;
  }

  return {
    async token(signal) {
      if (current && refused === current.token) return replaceRefused(refused, signal);
      if (current && isFresh(current)) return current.token;
      if (preloading) {
        await preloading;
        if (current && isFresh(current)) return current.token;
      }
      return (await shareTokenRequest(undefined, signal)).token;
    },
    renew: replaceRefused,
    accepted(token) {
      if (current?.token === token) refusals.accepted();
    },
    tokenNow: () =>
      current && current.token !== refused && isUsable(current) ? current.token : undefined,
    async info() {
      if (preloading) await preloading;
      const session = current && isUsable(current) ? current : await shareTokenRequest(undefined);
      return toSessionInfo(session, options.provider.id, options.path);
    },
    async clear() {
      generation++;
      current = undefined;
      fatal = undefined;
      refused = undefined;
      quiet.close();
      refusals.reset();
      // Memory is cleared whatever the store says: without it, nothing was stored either.
      await options.withLock(options.key, () =>
        tolerateStore(
          () => deleteSession(options.key, options.store),
          options.storageWarning,
          undefined,
        ),
      );
    },
    preload() {
      if (current || preloading) return;
      const started = generation;
      // IndexedDB unavailable: the first call takes the usual path.
      preloading = tolerateStore(
        () => readSession(options.key, options.store),
        options.storageWarning,
        undefined,
      )
        .then((stored) => {
          // A token obtained (or a clear) meanwhile is newer than what was read.
          if (stored && !current && started === generation && isUsable(stored)) current = stored;
        })
        .finally(() => {
          preloading = undefined;
        });
    },
  };
}
