import type { FaultShapes } from '../faults/answerFault.js';
import type { Fault } from '../faults/Fault.js';

/** Which Firmly endpoint a fault applies to; `cart` covers every authenticated API call. */
export type FaultEndpoint = 'browser-session' | 'cart';

/** A misbehaviour of the Firmly emulator, applied to the next `times` requests to an endpoint. */
export type EmulatorFault = Fault<FaultEndpoint>;

/** Every {@link FaultEndpoint}. */
export const FIRMLY_FAULT_ENDPOINTS: readonly FaultEndpoint[] = ['browser-session', 'cart'];

// Firmly publishes no rate limit; the 429 name is ours, in the documented error shape.
const ERRORS = {
  429: ['TooManyRequests', 'Too many requests.'],
  500: ['InternalServerError', 'Internal server error.'],
  503: ['ErrorStoreUnavailable', 'Store unavailable.'],
} as const;

/**
 * The browser-session endpoint documents `{error, message}`, the cart endpoints
 * `{code, error, description}`; faults answer in the style of the endpoint they hit.
 *
 * @param endpoint - the endpoint the fault hit
 * @returns the bodies a fault answers with there
 */
export function firmlyFaultShapes(endpoint: FaultEndpoint): FaultShapes {
  return {
    errorBody(status) {
      const [error, text] = ERRORS[status];
      return endpoint === 'browser-session'
        ? { error, message: text }
        : { code: status, error, description: text };
    },
    incompleteBody: { device_created: true },
  };
}
