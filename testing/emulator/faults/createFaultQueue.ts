import { FAULT_KINDS, type Fault, type FaultKind } from './Fault.js';

/** Faults waiting to be applied, in the order they were injected. */
export interface FaultQueue<Endpoint extends string> {
  /**
   * Checks a fault that may come from outside (a test's HTTP call), so a typo fails loudly instead
   * of silently injecting nothing, and queues it.
   * @throws TypeError naming the bad field
   */
  add(fault: unknown): void;
  /** Uses up one application of the oldest fault for this endpoint. @returns that fault, if any */
  take(endpoint: Endpoint): Fault<Endpoint> | undefined;
  clear(): void;
}

function parseFault<Endpoint extends string>(
  value: unknown,
  endpoints: readonly Endpoint[],
): Fault<Endpoint> {
  const fault = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (!endpoints.includes(fault.endpoint as Endpoint)) {
    throw new TypeError(`fault.endpoint must be one of: ${endpoints.join(', ')}`);
  }
  if (!FAULT_KINDS.includes(fault.kind as FaultKind)) {
    throw new TypeError(`fault.kind must be one of: ${FAULT_KINDS.join(', ')}`);
  }
  if (typeof fault.times !== 'number' || !Number.isInteger(fault.times) || fault.times < 1) {
    throw new TypeError('fault.times must be a whole number, 1 or more');
  }
  const { retryAfter } = fault;
  const seconds = typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0;
  const date = typeof retryAfter === 'string' && !Number.isNaN(Date.parse(retryAfter));
  if (retryAfter !== undefined && !seconds && !date) {
    throw new TypeError('fault.retryAfter must be whole seconds (0 or more) or an HTTP date');
  }
  return {
    endpoint: fault.endpoint as Endpoint,
    kind: fault.kind as FaultKind,
    times: fault.times,
    ...(retryAfter === undefined ? {} : { retryAfter: retryAfter as number | string }),
  };
}

/**
 * Creates an empty fault queue for an emulator's endpoints.
 *
 * @param endpoints - the endpoint names the emulator applies faults to
 * @returns a queue whose faults count down one per matching request
 */
export function createFaultQueue<Endpoint extends string>(
  endpoints: readonly Endpoint[],
): FaultQueue<Endpoint> {
  let faults: Fault<Endpoint>[] = [];
  return {
    add(value) {
      faults.push(parseFault(value, endpoints));
    },
    take(endpoint) {
      const fault = faults.find((f) => f.endpoint === endpoint);
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times === 0) faults = faults.filter((f) => f !== fault);
      return fault;
    },
    clear: () => {
      faults = [];
    },
  };
}
