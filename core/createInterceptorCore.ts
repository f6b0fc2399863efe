import type { MonotonicClock } from './Clock.js';
import { type AuthorizedFetch, createAuthorizedFetch } from './calls/createAuthorizedFetch.js';
import { isApiRequest } from './calls/isApiRequest.js';
import type { WorkerConfig } from './config/WorkerConfig.js';
import {
  type AskPage,
  digitalRiverProvider,
} from './providers/digitalriver/digitalRiverProvider.js';
import { firmlyProvider } from './providers/firmly/firmlyProvider.js';
import type { Provider } from './providers/Provider.js';
import { createStorageWarning } from './session/createStorageWarning.js';
import { createTokenSession, type TokenSession } from './session/createTokenSession.js';
import { DEFAULT_RETRY_POLICY } from './session/retryWithBackoff.js';
import type { TokenSessionOptions } from './session/TokenSessionOptions.js';
import { createTokenStore, sessionKey } from './session/tokenStore.js';
import { webLock } from './session/webLock.js';

// One token request may take this long; the retry policy bounds the whole. Firmly's own client
// gives browser-session 5 s. A slow answer is waited for rather than abandoned sooner for a
// quicker retry: a fresh session that arrives late still brings its device, while one we abort
// may create a device at the API whose token never reaches us, and the retry makes another
// (docs/decisions/021).
const ATTEMPT_TIMEOUT_MS = 5000;

/**
 * What a host (the worker, or the page fallback) lends the core: the session's host-specific
 * options (`fetch` is the host's own, unwrapped fetch), its Web Locks, which every context of the
 * origin shares, its monotonic clock, and how to run Digital River's SessionToken in a shopper's
 * page.
 */
export interface InterceptorHost
  extends Pick<TokenSessionOptions, 'fetch' | 'path' | 'onSession' | 'onError' | 'log'> {
  /** `navigator.locks` of the host, if it has them. */
  locks: LockManager | undefined;
  /** `performance.now()` of the host. */
  monotonic: MonotonicClock;
  /** Runs Digital River's SessionToken in a shopper's page (the page itself, or one the worker asks). */
  askPage: AskPage;
}

/** The parts of the core a host wires up. */
export interface InterceptorCore {
  provider: Provider;
  session: TokenSession;
  /** Sends one API call with the token. */
  authorizedFetch: AuthorizedFetch;
}

/** A wait that ends early, rejecting, when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * @param config - validated configuration
 * @param askPage - runs SessionToken in a page (Digital River)
 * @param attemptTimeoutMs - how long one token request may take
 * @returns the provider the configuration names
 */
export function providerFor(
  config: WorkerConfig,
  askPage: AskPage,
  attemptTimeoutMs = ATTEMPT_TIMEOUT_MS,
): Provider {
  switch (config.provider) {
    case 'firmly':
      return firmlyProvider(config, attemptTimeoutMs);
    case 'digitalriver':
      return digitalRiverProvider(config, askPage, attemptTimeoutMs);
  }
}

/**
 * Builds the provider, token session and authorized fetch for a host, with the same store,
 * key and lock in every host, so the worker and a page fallback share one session and never
 * create two devices.
 *
 * @param config - validated configuration
 * @param host - what the host lends
 * @returns the wired core
 */
export function createInterceptorCore(
  config: WorkerConfig,
  host: InterceptorHost,
): InterceptorCore {
  const provider = providerFor(config, host.askPage);
  // One warning for the store and the lock alike: blocked site data refuses both.
  const storageWarning = createStorageWarning(host.onError, host.log);
  const session = createTokenSession({
    provider,
    key: sessionKey(config),
    store: createTokenStore(),
    fetch: host.fetch,
    now: () => Date.now(),
    monotonic: host.monotonic,
    storageWarning,
    sleep,
    random: Math.random,
    renewMarginMs: config.renewMarginSeconds * 1000,
    withLock: webLock(host.locks, storageWarning),
    retry: DEFAULT_RETRY_POLICY,
    path: host.path,
    onSession: host.onSession,
    onError: host.onError,
    log: host.log,
  });
  return {
    provider,
    session,
    authorizedFetch: createAuthorizedFetch(
      session,
      provider,
      host.fetch,
      (url) => isApiRequest({ url, mode: 'cors' }, config.apiOrigins),
      host.log,
    ),
  };
}
