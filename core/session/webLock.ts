import { type LockFn, localLock } from './localLock.js';

/**
 * The Web Locks API where the worker has it, so the worker and any page sharing the session
 * take turns; a local lock where it does not.
 *
 * @param locks - `navigator.locks` of the host, if any
 * @returns a lock function
 */
export function webLock(locks: LockManager | undefined): LockFn {
  if (!locks) return localLock();
  // The lock's callback returns a promise, which `request` resolves through.
  return <T>(name: string, fn: () => Promise<T>) =>
    locks.request(`sw-token-interceptor:${name}`, fn) as Promise<T>;
}
