/** One task under way and who waits for it. */
interface Flight<T, M> {
  promise: Promise<T>;
  meta: M;
  controller: AbortController;
  /**
   * Waiters that can abort; when the last of them does, the task is abandoned and takes no new
   * caller.
   */
  waiters: number;
  /** Whether a waiter that cannot abort joined: then the task always runs to its end. */
  pinned: boolean;
}

/** At most one task at a time; every caller in the meantime shares its result. */
export interface SingleFlight<T, M> {
  /**
   * Joins the task under way, or starts `task` when there is none.
   *
   * @param meta - what the task is for, kept while it runs (see {@link SingleFlight.pending})
   * @param task - starts the work; its signal aborts when every waiter has gone
   * @param signal - this caller's; a caller without one keeps the task running to its end
   * @returns the task's result, or rejects with this caller's abort reason
   */
  join(meta: M, task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** @returns the running task's `meta`, boxed so an undefined `meta` still reads as running */
  pending(): { meta: M } | undefined;
}

/**
 * Creates a single flight: concurrent callers share one task, and a task nobody waits for any
 * more is aborted, so an abandoned cart call does not leave a token request running for nothing.
 * An aborted task is out of the flight at once: the next caller starts a new one.
 *
 * @returns the single flight
 * @example
 * ```ts
 * const flight = createSingleFlight<string, undefined>();
 * const [a, b] = await Promise.all([
 *   flight.join(undefined, (signal) => fetchToken(signal)),
 *   flight.join(undefined, (signal) => fetchToken(signal)), // joins the first: one request
 * ]);
 * ```
 */
export function createSingleFlight<T, M>(): SingleFlight<T, M> {
  let inflight: Flight<T, M> | undefined;

  function start(meta: M, task: (signal: AbortSignal) => Promise<T>): Flight<T, M> {
    const controller = new AbortController();
    const flight: Flight<T, M> = {
      promise: task(controller.signal),
      meta,
      controller,
      waiters: 0,
      pinned: false,
    };
    void flight.promise
      .finally(() => {
        if (inflight === flight) inflight = undefined;
      })
      .catch(() => undefined);
    return flight;
  }

  return {
    join(meta, task, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      inflight ??= start(meta, task);
      const flight = inflight;
      if (!signal) {
        flight.pinned = true;
        return flight.promise;
      }
      flight.waiters++;
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          flight.waiters--;
          if (flight.waiters === 0 && !flight.pinned) {
            // Unregistered before it settles: a caller arriving next (the call that replaced an
            // aborted one) starts its own task instead of sharing this one's abort reason.
            if (inflight === flight) inflight = undefined;
            flight.controller.abort(signal.reason);
          }
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        flight.promise
          .finally(() => signal.removeEventListener('abort', onAbort))
          .then(resolve, reject);
      });
    },
    pending: () => (inflight ? { meta: inflight.meta } : undefined),
  };
}
