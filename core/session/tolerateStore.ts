import type { StorageWarning } from './createStorageWarning.js';

/**
 * Runs one store operation for the session, which can do without it: when IndexedDB refuses or
 * stalls, the session warns and carries on in memory.
 *
 * @param operation - the read or write
 * @param warn - told of the failure
 * @param fallback - what a failed read stands for (`undefined`: nothing stored)
 * @returns what the operation returned, or `fallback`
 */
export async function tolerateStore<T>(
  operation: () => Promise<T>,
  warn: StorageWarning,
  fallback: T,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    warn('IndexedDB', error);
    return fallback;
  }
}
