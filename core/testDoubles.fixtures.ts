import type { UseStore } from 'idb-keyval';
import type { DigitalRiverConfig } from './config/WorkerConfig.js';
import { type ErrorCode, InterceptorError, type UpstreamAnswer } from './errors/errors.js';
import { readFirmlyRefusal } from './providers/firmly/readFirmlyRefusal.js';
import type { Provider, TokenGrant } from './providers/Provider.js';
import { localLock } from './session/localLock.js';
import type { TokenSessionOptions } from './session/TokenSessionOptions.js';
import { createTokenStore } from './session/tokenStore.js';

/** A provider whose answers a test scripts, and which records what it was asked. */
export interface ScriptedProvider extends Provider {
  /** The renewal token of each call, `undefined` for a fresh session. */
  calls: (string | undefined)[];
  /** Answers, consumed in order; when empty, a fresh grant on a new device (or the same one on renewal). */
  answers: (TokenGrant | InterceptorError)[];
  /** When set, every call waits for it (or for its abort signal) before answering. */
  gate?: Promise<void>;
  /** How many calls were abandoned through their signal. */
  aborted: number;
}

let tokens = 0;

/**
 * @returns a provider for unit tests: each token is new; renewals keep the device
 */
export function scriptedProvider(): ScriptedProvider {
  const devices = new Map<string, string>();
  const provider: ScriptedProvider = {
    id: 'firmly',
    authHeader: 'x-firmly-authorization',
    canRenew: (previous, now) => now <= previous.expiresAt + 7 * 24 * 3600 * 1000,
    calls: [],
    answers: [],
    aborted: 0,
    async acquire({ previous, signal }) {
      const expiredToken = previous?.token;
      provider.calls.push(expiredToken);
      await Promise.resolve();
      if (provider.gate) {
        await new Promise<void>((resolve, reject) => {
          signal?.addEventListener('abort', () => {
            provider.aborted++;
            reject(signal.reason);
          });
          provider.gate?.then(resolve);
        });
      }
      const next = provider.answers.shift();
      if (next instanceof InterceptorError) throw next;
      if (next) return next;
      const n = ++tokens;
      const token = `secret-token-${n}`;
      const previousDevice = expiredToken ? devices.get(expiredToken) : undefined;
      const deviceId = previousDevice ?? `d${n}`;
      devices.set(token, deviceId);
      return { token, expiresInSeconds: 3600, deviceId, deviceCreated: !previousDevice };
    },
    authorize(headers, token) {
      headers.set('x-firmly-authorization', token);
    },
    readRefusal: readFirmlyRefusal,
    opaqueRefusals: false,
  };
  return provider;
}

/** A store that counts how often IndexedDB is touched. */
export function countingStore(name: string): { store: UseStore; count: () => number } {
  const inner = createTokenStore(name, 'sessions');
  let n = 0;
  return {
    store: (mode, callback) => {
      n++;
      return inner(mode, callback);
    },
    count: () => n,
  };
}

let stores = 0;

/** Options for a token session under test: a settable clock, no real sleeps, a fresh database. */
export function testSessionOptions(
  overrides: Partial<TokenSessionOptions> = {},
): TokenSessionOptions & {
  clock: { now: number; correction: number };
  sessions: unknown[];
  errors: unknown[];
  storageWarnings: unknown[];
} {
  // `now` is time passing, which both clocks see; `correction` moves the wall clock alone, as an
  // NTP correction or the shopper setting the clock does.
  const clock = { now: Date.UTC(2026, 10, 29, 12), correction: 0 };
  const storageWarnings: unknown[] = [];
  const sessions: unknown[] = [];
  const errors: unknown[] = [];
  return {
    provider: scriptedProvider(),
    key: 'k',
    store: createTokenStore(`test-${++stores}`, 'sessions'),
    fetch: () => Promise.reject(new Error('no network in unit tests')),
    now: () => clock.now + clock.correction,
    monotonic: () => clock.now,
    storageWarning: (kind, error) => storageWarnings.push({ kind, error }),
    sleep: async (ms) => {
      clock.now += ms;
    },
    random: () => 0.5,
    renewMarginMs: 300_000,
    withLock: localLock(),
    retry: { attempts: 4, baseDelayMs: 200, maxDelayMs: 1500, deadlineMs: 6000 },
    path: 'worker',
    onSession: (info) => sessions.push(info),
    onError: (error) => errors.push(error),
    clock,
    sessions,
    errors,
    storageWarnings,
    ...overrides,
  };
}

/** A coded error as a provider throws it. */
export function providerError(code: ErrorCode, upstream?: UpstreamAnswer) {
  return new InterceptorError(code, undefined, upstream);
}

/** A Digital River store's worker config as the unit tests use it: one API origin, the default margin. */
export const digitalRiverTestConfig: DigitalRiverConfig = {
  provider: 'digitalriver',
  siteId: 'site',
  tokenVia: 'oauth',
  storeOrigin: 'https://store.example',
  apiOrigin: 'https://api.example',
  apiOrigins: ['https://api.example'],
  apiKey: 'pub-key',
  renewMarginSeconds: 300,
  debug: false,
};
