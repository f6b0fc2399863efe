import { InterceptorError } from '../../core/errors/errors.js';
import type { InterceptorEvents } from '../SwTokenInterceptor.js';
import type { Emitter } from './createEmitter.js';
import { logError } from './logError.js';

/**
 * Puts what went wrong in the page's console, where a developer looks first, whichever host
 * (the worker or the page fallback) saw it. Each error code is logged once per page, so a shop
 * whose app id is refused gets one line, not one per call. A call that failed without an answer
 * (`ApiUnreachable`: network, or a CORS refusal the page alone would see as "Failed to fetch") is
 * logged each time, naming the call. Lines never hold a token: messages are fixed per code, and
 * details carry origins, paths and header names only.
 *
 * @param events - the page's event emitter
 */
export function reportToConsole(events: Emitter<InterceptorEvents>): void {
  const logged = new Set<string>();
  events.on('error', (error) => {
    if (logged.has(error.code)) return;
    logged.add(error.code);
    // Storage refused, the session lives in memory: the calls still carry the token.
    logError(
      InterceptorError.fromInfo(error),
      error.code === 'StorageUnavailable' ? 'warn' : 'error',
    );
  });
  events.on('intercept', ({ failure }) => {
    if (failure) logError(InterceptorError.fromInfo(failure));
  });
}
