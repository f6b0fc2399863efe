import { asInterceptorError, InterceptorError } from '../errors/errors.js';
import type { TokenGrant } from '../providers/Provider.js';
import type { QuietWindow } from './quietWindow.js';
import * as renewalPolicy from './renewalPolicy.js';
import { retryWithBackoff } from './retryWithBackoff.js';
import type { TokenSessionOptions } from './TokenSessionOptions.js';
import {
  readSession,
  readWait,
  type StoredSession,
  writeSession,
  writeWait,
} from './tokenStore.js';
import { tolerateStore } from './tolerateStore.js';
import { toSessionInfo } from './toSessionInfo.js';

/** What one token request is for, beyond the session's options. */
export interface ObtainRequest {
  /** The token the API answered 401 to, which must not come back; `undefined` when none was. */
  rejected: string | undefined;
  /** The session in memory, which serves when the store cannot be read. */
  remembered: () => StoredSession | undefined;
  /** The token endpoint's quiet window, which every request of the session shares. */
  quiet: QuietWindow;
  /** Aborts when no call waits for the token any more. */
  signal: AbortSignal;
}

/**
 * Obtains a token under the lock: re-reads the store, where another context may have put a good
 * token meanwhile, else renews the last session or starts a fresh one, writes it and announces
 * it. A failed early renewal keeps the stored token while it has not expired.
 *
 * @param options - the session's options
 * @param request - what this request is for
 * @returns the session to use
 * @throws what the last attempt threw, or the signal's reason once it aborted
 */
export function obtainToken(
  options: TokenSessionOptions,
  request: ObtainRequest,
): Promise<StoredSession> {
  const { rejected, signal } = request;
  const { log } = options;
  return options.withLock(options.key, async () => {
    // Re-read under the lock: another context may have renewed while this one waited.
    const stored = await readStored(options, request.remembered);
    if (
      stored &&
      stored.token !== rejected &&
      renewalPolicy.isFresh(stored, options.now(), options.renewMarginMs)
    ) {
      log?.(`using the stored token: device ${stored.deviceId}`);
      return stored;
    }
    const previous = stored ?? request.remembered();
    const renewable =
      previous && options.provider.canRenew(previous, options.now()) ? previous : undefined;
    signal.throwIfAborted();
    log?.(
      !renewable
        ? 'obtaining a fresh session'
        : rejected
          ? 'renewing: the API refused the token (401)'
          : renewalPolicy.isUsable(renewable, options.now())
            ? 'renewing: the token is inside the renewal margin'
            : 'renewing: the token expired',
    );
    let grant: TokenGrant;
    try {
      grant = await requestGrant(options, renewable, request.quiet, signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      // A failed early renewal must not take a still-valid token away from the shopper.
      if (stored && stored.token !== rejected && renewalPolicy.isUsable(stored, options.now()))
        return stored;
      throw error;
    }
    const session = placeOnLocalClock(grant, options.now());
    // Without IndexedDB the session lives in memory only; the calls still go out.
    await tolerateStore(
      () => writeSession(options.key, session, options.store),
      options.storageWarning,
      undefined,
    );
    log?.(
      `token ${grant.deviceCreated ? 'acquired on a new device' : 'renewed on the same device'}: ` +
        `device ${grant.deviceId}, expires in ${Math.round(grant.expiresInSeconds)} s`,
    );
    options.onSession(toSessionInfo(session, options.provider.id, options.path));
    return session;
  });
}

async function readStored(
  options: TokenSessionOptions,
  remembered: () => StoredSession | undefined,
): Promise<StoredSession | undefined> {
  try {
    return await readSession(options.key, options.store);
  } catch (error) {
    // IndexedDB can be unavailable (site data blocked, a stalled database); the memory copy serves.
    options.storageWarning('IndexedDB', error);
    return remembered();
  }
}

/**
 * Asks the provider for a grant, with back-off: renews `renewable` when there is one, and starts
 * afresh when the API says it is too old to renew. Inside a quiet window it asks nothing.
 */
async function requestGrant(
  options: TokenSessionOptions,
  renewable: StoredSession | undefined,
  quiet: QuietWindow,
  signal: AbortSignal,
): Promise<TokenGrant> {
  const { provider, fetch, log, key, store, storageWarning } = options;
  // Another context, or this one before a restart, may have been asked to wait.
  quiet.adopt(await tolerateStore(() => readWait(key, store), storageWarning, undefined));
  let previous = renewable;
  const askProvider = async () => {
    if (!previous) return provider.acquire({ fetch, signal });
    try {
      return await provider.acquire({ fetch, previous, signal });
    } catch (error) {
      // Too old to renew: a fresh session, which creates a new device.
      if (error instanceof InterceptorError && error.code === 'TokenExpired') {
        log?.('renewal refused (TokenExpired): starting a fresh session');
        previous = undefined;
        return provider.acquire({ fetch, signal });
      }
      throw error;
    }
  };
  const askUnlessQuiet = async () => {
    // An earlier 429 asked for quiet: no request until it is over.
    quiet.throwIfQuiet();
    try {
      return await askProvider();
    } catch (error) {
      const wait = quiet.heed(error);
      // Kept before the lock is released, so the next context to take it waits too.
      if (wait) await tolerateStore(() => writeWait(key, wait, store), storageWarning, undefined);
      if (!signal.aborted) log?.(`token request failed: ${asInterceptorError(error).message}`);
      throw error;
    }
  };
  return retryWithBackoff(
    askUnlessQuiet,
    (error) => renewalPolicy.isRetryable(error, previous !== undefined),
    options.retry,
    options,
    signal,
    renewalPolicy.retryAfterMs,
  );
}

function placeOnLocalClock(grant: TokenGrant, issuedAt: number): StoredSession {
  const session: StoredSession = {
    token: grant.token,
    deviceId: grant.deviceId,
    expiresAt: issuedAt + grant.expiresInSeconds * 1000,
    issuedAt,
    deviceCreated: grant.deviceCreated,
  };
  if (grant.refreshToken) session.refreshToken = grant.refreshToken;
  if (grant.sessionToken) session.sessionToken = grant.sessionToken;
  return session;
}
