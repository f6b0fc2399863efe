import type { FirmlyConfig } from '../../config/WorkerConfig.js';
import type { Provider } from '../Provider.js';
import { requestWithin } from '../requestWithin.js';
import { browserSessionRequest } from './browserSessionRequest.js';
import { parseBrowserSessionResponse } from './parseBrowserSessionResponse.js';
import { readFirmlyRefusal } from './readFirmlyRefusal.js';

/** The header that carries the raw token on every cart call. */
export const FIRMLY_AUTH_HEADER = 'x-firmly-authorization';

/** Firmly renews an expired token for up to one week after it expired. */
export const FIRMLY_RENEWABLE_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The Firmly Cart API provider: renewal posts the previous token back, keeping the device.
 *
 * @param config - the Firmly configuration
 * @param attemptTimeoutMs - how long one token request may take before it is abandoned
 * @returns a provider for the token session
 */
export function firmlyProvider(config: FirmlyConfig, attemptTimeoutMs: number): Provider {
  return {
    id: 'firmly',
    authHeader: FIRMLY_AUTH_HEADER,
    canRenew: (previous, now) => now <= previous.expiresAt + FIRMLY_RENEWABLE_FOR_MS,
    async acquire({ fetch: fetchFn, previous, signal }) {
      const { status, body } = await requestWithin(
        (attempt) =>
          browserSessionRequest(fetchFn, config.apiOrigin, config.appId, previous?.token, attempt),
        signal,
        attemptTimeoutMs,
        'browser-session',
      );
      return parseBrowserSessionResponse(status, body);
    },
    authorize(headers, token) {
      // The raw token, as the API reference shows; the emulator also accepts `Bearer`.
      headers.set(FIRMLY_AUTH_HEADER, token);
    },
    readRefusal: readFirmlyRefusal,
    // Firmly's 401s carry CORS headers; a network error is just that.
    opaqueRefusals: false,
  };
}
