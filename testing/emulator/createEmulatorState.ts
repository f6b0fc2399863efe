import type { CorsPolicy } from './cors/createCorsPolicy.js';
import type { EmulatorCors } from './cors/EmulatorCors.js';
import { createFaultQueue, type FaultQueue } from './faults/createFaultQueue.js';
import { createRedirectRules, type RedirectRules } from './redirects/createRedirectRules.js';
import type { EmulatorRedirect } from './redirects/EmulatorRedirect.js';

/** The controls both emulators offer a test, alike. */
export interface EmulatorControls<Fault> {
  setCors(cors: EmulatorCors): void;
  injectFault(fault: Fault): void;
  redirect(redirect: EmulatorRedirect): void;
  setNow(fn: () => number): void;
  reset(): void;
}

/** What every emulator keeps during a test: its clock, counters, log and pending faults and redirects. */
export interface EmulatorState<Endpoint extends string, Fault, Entry, Counters> {
  /** The server clock, which `setNow()` replaces. */
  now(): number;
  counters: Counters;
  requestLog: Entry[];
  faults: FaultQueue<Endpoint>;
  redirects: RedirectRules;
  /**
   * @param cors - the emulator's CORS policy, which `setCors()` changes
   * @param resetOwn - forgets what is the emulator's own, after the shared reset
   * @returns the controls, to spread into the emulator's handle
   */
  controls(cors: Pick<CorsPolicy, 'set'>, resetOwn?: () => void): EmulatorControls<Fault>;
}

/**
 * What both emulators keep and how a test steers it, built once: a settable clock, live counters,
 * the request log, a fault queue and redirect rules, and controls whose `reset()` zeroes every
 * counter, empties the log and drops pending faults and redirects.
 *
 * @param faultEndpoints - the endpoints a fault may name
 * @param counters - every counter at zero
 */
export function createEmulatorState<
  Endpoint extends string,
  Fault,
  Entry,
  Counters extends { [K in keyof Counters]: number },
>(
  faultEndpoints: readonly Endpoint[],
  counters: Counters,
): EmulatorState<Endpoint, Fault, Entry, Counters> {
  let clock = () => Date.now();
  const requestLog: Entry[] = [];
  const faults = createFaultQueue<Endpoint>(faultEndpoints);
  const redirects = createRedirectRules();
  return {
    now: () => clock(),
    counters,
    requestLog,
    faults,
    redirects,
    controls: (cors, resetOwn) => ({
      setCors: (next) => cors.set(next),
      injectFault: (fault) => faults.add(fault),
      redirect: (rule) => redirects.add(rule),
      setNow(fn) {
        clock = fn;
      },
      reset() {
        for (const key of Object.keys(counters) as (keyof Counters)[]) {
          counters[key] = 0 as Counters[keyof Counters];
        }
        requestLog.length = 0;
        faults.clear();
        redirects.clear();
        resetOwn?.();
      },
    }),
  };
}
