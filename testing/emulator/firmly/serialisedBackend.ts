import { FirmlyApiError } from './FirmlyApiError.js';

/**
 * How the emulator treats cart calls for one device that overlap in time. Firmly's own browser
 * client serialises every API call per page, commented "Firmly services are not transactional",
 * so parallel calls can race on the real backend.
 *
 * - `reject`: a call that arrives while another for the same device is being processed gets
 *   409 `ErrorConcurrentRequest` (our name: the public record names no code).
 * - `queue`: calls for the same device are processed one at a time, in arrival order.
 */
export interface SerialisedBackend {
  overlap: 'reject' | 'queue';
  /**
   * How long each cart call is processed, in milliseconds, so calls a page sends together overlap
   * the way they do against a real, slower backend; 0 by default.
   */
  processingMs?: number;
}

/** Runs cart calls per device the way a {@link SerialisedBackend} says. */
export type CartCallRunner = <T>(deviceId: string, call: () => T) => Promise<T>;

/**
 * @param backend - the mode, or `undefined` for calls processed at once, each atomically
 * @param onOverlap - called for every overlapping call (rejected or queued)
 * @returns a runner for cart calls
 * @throws TypeError for a malformed mode
 */
export function createCartCallRunner(
  backend: SerialisedBackend | undefined,
  onOverlap: () => void,
): CartCallRunner {
  if (backend === undefined) return async (_deviceId, call) => call();
  const { overlap, processingMs = 0 } = backend;
  if (overlap !== 'reject' && overlap !== 'queue') {
    throw new TypeError("serialisedBackend.overlap must be 'reject' or 'queue'");
  }
  if (!Number.isInteger(processingMs) || processingMs < 0) {
    throw new TypeError('serialisedBackend.processingMs must be a whole number, 0 or more');
  }
  // The tail of each device's chain: the call being processed and every one queued behind it.
  const busy = new Map<string, Promise<unknown>>();

  async function process<T>(call: () => T): Promise<T> {
    if (processingMs > 0) await new Promise((resolve) => setTimeout(resolve, processingMs));
    return call();
  }

  return (deviceId, call) => {
    const ahead = busy.get(deviceId);
    if (ahead !== undefined) {
      onOverlap();
      if (overlap === 'reject') {
        return Promise.reject(
          new FirmlyApiError(
            409,
            'ErrorConcurrentRequest',
            'Another request for this cart is still being processed.',
          ),
        );
      }
    }
    const run = (ahead ?? Promise.resolve()).then(
      () => process(call),
      () => process(call),
    );
    const tail = run.catch(() => undefined);
    busy.set(deviceId, tail);
    void tail.then(() => {
      if (busy.get(deviceId) === tail) busy.delete(deviceId);
    });
    return run;
  };
}
