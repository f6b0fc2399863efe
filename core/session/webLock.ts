import type { StorageWarning } from './createStorageWarning.js';
import { type LockFn, localLock } from './localLock.js';

/**
 * The Web Locks API where the host has it, so the worker and any page sharing the session take
 * turns; a local lock where it does not, or once it refuses. With site data blocked (cookies
 * blocked, a third-party frame in a browser that rejects third-party storage) `request` rejects
 * with `SecurityError`: the token is still obtained, under the local lock. Single flight across
 * contexts is lost then, which costs nothing, since no other context can share the session
 * without storage either.
 *
 * @param locks - `navigator.locks` of the host, if any
 * @param warn - told when the lock refuses
 * @returns a lock function
 */
export function webLock(locks: LockManager | undefined, warn: StorageWarning): LockFn {
  const local = localLock();
  if (!locks) return local;
  let refused = false;
  return <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    if (refused) return local(name, fn);
    // A rejection before the callback ran is the lock's own refusal; after, it is `fn`'s.
    let entered = false;
    const enter = () => {
      entered = true;
      return fn();
    };
    return new Promise<T>((resolve) => {
      // The lock's callback returns a promise, which `request` resolves through.
      resolve(locks.request(`sw-token-interceptor:${name}`, enter) as Promise<T>);
    }).catch((error: unknown) => {
      if (entered) throw error;
      refused = true;
      warn('Web Locks', error);
      return local(name, fn);
    });
  };
}
