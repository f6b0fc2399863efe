import type { FaultShapes } from '../faults/answerFault.js';
import type { Fault } from '../faults/Fault.js';
import { CART_RELATION, DigitalRiverApiError, TOKEN_RELATION } from './DigitalRiverApiError.js';

/**
 * Which Digital River endpoint a fault applies to: `session-token` (the store's `SessionToken`
 * action), `token` (`oauth20/token`, both grants) or `cart` (every Shopper API call).
 */
export type DigitalRiverFaultEndpoint = 'session-token' | 'token' | 'cart';

/** A misbehaviour of the Digital River emulator, applied to the next `times` requests to an endpoint. */
export type DigitalRiverFault = Fault<DigitalRiverFaultEndpoint>;

/** Every {@link DigitalRiverFaultEndpoint}. */
export const DIGITAL_RIVER_FAULT_ENDPOINTS: readonly DigitalRiverFaultEndpoint[] = [
  'session-token',
  'token',
  'cart',
];

// Digital River publishes no codes for these statuses; they only have to look like its own.
const ERRORS = {
  429: ['too_many_requests', 'Too many requests.'],
  500: ['internal_error', 'Internal server error.'],
  503: ['service_unavailable', 'Service unavailable.'],
} as const;

/**
 * Faults answer in Digital River's nested error shape, naming the token resource on the token
 * endpoints and the cart resource on the Shopper API.
 *
 * @param endpoint - the endpoint the fault hit
 * @returns the bodies a fault answers with there
 */
export function digitalRiverFaultShapes(endpoint: DigitalRiverFaultEndpoint): FaultShapes {
  const relation = endpoint === 'cart' ? CART_RELATION : TOKEN_RELATION;
  return {
    errorBody(status) {
      const [code, text] = ERRORS[status];
      return new DigitalRiverApiError(status, code, text, relation).toBody();
    },
    incompleteBody: endpoint === 'cart' ? {} : { token_type: 'bearer' },
  };
}
