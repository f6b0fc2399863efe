/** Runs `fn` while holding the named lock; the shape of `navigator.locks.request`. */
export type LockFn = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/**
 * A lock that serialises callers within one JavaScript context. Hosts use the Web Locks API
 * where it exists, which also serialises across the worker and pages; this is the stand-in
 * for hosts without it, and for unit tests.
 *
 * @returns a lock function
 */
export function localLock(): LockFn {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
}
