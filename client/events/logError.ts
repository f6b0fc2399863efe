import { toErrorInfo } from '../../core/errors/errors.js';

/**
 * Logs a coded error or warning the way every part of the page side does. Messages never hold a
 * token: error messages are fixed per code.
 *
 * @param error - what happened
 * @param level - `error` or `warn`
 * @param note - what happens next, for a warning
 */
export function logError(error: unknown, level: 'error' | 'warn' = 'error', note = ''): void {
  const { code, message } = toErrorInfo(error);
  console[level](`[sw-token-interceptor] ${code}: ${message}${note}`);
}
