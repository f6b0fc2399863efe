import type { DebugLog } from '../DebugLog.js';
import { type ErrorInfo, InterceptorError } from '../errors/errors.js';

/** What refused: the store or the lock. */
export type StorageKind = 'IndexedDB' | 'Web Locks';

/**
 * Told that the store or the lock refused (or did not answer). The session then carries on in
 * memory, so this is a warning, not a failed call.
 */
export type StorageWarning = (kind: StorageKind, error: unknown) => void;

/**
 * Creates the warning a host gives once for its life: site data blocked makes every store and
 * lock operation fail, and one line says so better than one per call. Only the error's name is
 * kept (`SecurityError`, `TimeoutError`): a browser's message is not ours to pass on.
 *
 * @param onError - where the session's errors go (the `'error'` event)
 * @param log - debug mode's log, if on
 * @returns the warning
 */
export function createStorageWarning(
  onError: (error: ErrorInfo) => void,
  log?: DebugLog,
): StorageWarning {
  let warned = false;
  return (kind, error) => {
    const name = (error as { name?: unknown } | null)?.name;
    const detail = `${kind} refused: ${typeof name === 'string' ? name : 'error'}`;
    log?.(`${detail}; the session is kept in memory`);
    if (warned) return;
    warned = true;
    onError(new InterceptorError('StorageUnavailable', detail).toInfo());
  };
}
