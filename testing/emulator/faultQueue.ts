/** Which endpoint a fault applies to; `cart` covers every authenticated API call. */
export type FaultEndpoint = 'browser-session' | 'cart';

/** How the emulator misbehaves. */
export type FaultKind =
  | 'status500'
  | 'status503'
  | 'timeout'
  | 'drop'
  | 'malformedJson'
  | 'html'
  | 'missingFields';

/** A misbehaviour applied to the next `times` requests to an endpoint. */
export interface EmulatorFault {
  endpoint: FaultEndpoint;
  kind: FaultKind;
  times: number;
}

/** Faults waiting to be applied, in the order they were injected. */
export interface FaultQueue {
  add(fault: EmulatorFault): void;
  /** Uses up one application of the oldest fault for this endpoint. @returns its kind, if any */
  take(endpoint: FaultEndpoint): FaultKind | undefined;
  clear(): void;
}

const ENDPOINTS: readonly FaultEndpoint[] = ['browser-session', 'cart'];
const KINDS: readonly FaultKind[] = [
  'status500',
  'status503',
  'timeout',
  'drop',
  'malformedJson',
  'html',
  'missingFields',
];

/**
 * Checks a fault that came from outside (a test's HTTP call), so a typo fails loudly instead of
 * silently injecting nothing.
 *
 * @param value - the candidate fault
 * @returns the same fault, typed
 * @throws TypeError naming the bad field
 */
export function parseFault(value: unknown): EmulatorFault {
  const fault = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (!ENDPOINTS.includes(fault.endpoint as FaultEndpoint)) {
    throw new TypeError(`fault.endpoint must be one of: ${ENDPOINTS.join(', ')}`);
  }
  if (!KINDS.includes(fault.kind as FaultKind)) {
    throw new TypeError(`fault.kind must be one of: ${KINDS.join(', ')}`);
  }
  if (typeof fault.times !== 'number' || !Number.isInteger(fault.times) || fault.times < 1) {
    throw new TypeError('fault.times must be a whole number, 1 or more');
  }
  return {
    endpoint: fault.endpoint as FaultEndpoint,
    kind: fault.kind as FaultKind,
    times: fault.times,
  };
}

/**
 * Creates an empty fault queue.
 *
 * @returns a queue whose faults count down one per matching request
 */
export function createFaultQueue(): FaultQueue {
  let faults: EmulatorFault[] = [];
  return {
    add: (fault) => {
      faults.push({ ...fault });
    },
    take(endpoint) {
      const fault = faults.find((f) => f.endpoint === endpoint);
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times === 0) faults = faults.filter((f) => f !== fault);
      return fault.kind;
    },
    clear: () => {
      faults = [];
    },
  };
}
