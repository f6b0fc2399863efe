/** A minimal typed event emitter. */
export interface Emitter<Events> {
  /**
   * @param event - the event name
   * @param callback - called with the event's detail
   * @returns a function that stops listening
   */
  on<E extends keyof Events>(event: E, callback: (detail: Events[E]) => void): () => void;
  /**
   * @param event - the event name
   * @param detail - what listeners receive
   */
  emit<E extends keyof Events>(event: E, detail: Events[E]): void;
}

/**
 * Creates an emitter. A listener that throws does not stop the others: it belongs to the
 * storefront, and one bad listener must not hide an error from the rest.
 *
 * @returns the emitter
 */
export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(detail: never) => void>>();
  return {
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(callback);
      return () => set.delete(callback);
    },
    emit(event, detail) {
      for (const callback of listeners.get(event) ?? []) {
        try {
          (callback as (d: typeof detail) => void)(detail);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  };
}
