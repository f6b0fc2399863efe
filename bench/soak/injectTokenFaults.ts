import type { SoakApi, SoakFault } from './SoakApi';

/** What the faults of one round did to one provider's token endpoint. */
export interface FaultTally {
  /** Token requests a fault answered, by kind. */
  faulted: Record<SoakFault['kind'], number>;
  /** Token requests that arrived while a `429`'s `Retry-After` still asked for quiet. */
  insideRetryAfter: number;
}

// The emulator is polled every few tens of milliseconds: a request seen that close to the end of
// a wait may have been sent after it.
const POLL_SLACK_MS = 150;

/**
 * Injects token-endpoint faults as a round goes: whenever no fault is pending and a new token
 * request has arrived (or the round is starting), the next request is answered by a fault with
 * probability `share`: a `500`, a dropped connection, or a `429` with `Retry-After` of 1 or 2 s,
 * which fits the worker's retry deadline. It also counts requests sent before such a wait ended.
 *
 * @param api - the provider's emulator, polled by the caller before each `tick()`
 * @param share - the chance a token request is preceded by a fault
 * @param random - the run's random numbers
 * @returns `tick()`, to call after every poll, and the tally so far
 */
export function injectTokenFaults(api: SoakApi, share: number, random: () => number) {
  const tally: FaultTally = {
    faulted: { status500: 0, drop: 0, status429: 0 },
    insideRetryAfter: 0,
  };
  const pending: SoakFault[] = [];
  let seenRequests = -1;
  let consumed = 0;
  let quietUntil = 0;
  return {
    tally,
    tick(now: number): void {
      const requests = api.tokenRequests();
      const faulted = requests - api.grants();
      const fresh = requests - Math.max(0, seenRequests);
      if (fresh > 0 && now < quietUntil - POLL_SLACK_MS) tally.insideRetryAfter += fresh;
      // The queue applies faults in order, so the oldest pending one answered each new request.
      for (; consumed < faulted; consumed++) {
        const fault = pending.shift();
        if (!fault) continue;
        tally.faulted[fault.kind] += 1;
        if (fault.retryAfter !== undefined) quietUntil = now + fault.retryAfter * 1000;
      }
      if (pending.length === 0 && (fresh > 0 || seenRequests < 0) && random() < share) {
        const pick = random();
        const fault: SoakFault =
          pick < 1 / 3
            ? { kind: 'status500' }
            : pick < 2 / 3
              ? { kind: 'drop' }
              : { kind: 'status429', retryAfter: random() < 0.5 ? 1 : 2 };
        pending.push(fault);
        api.injectFault(fault);
      }
      seenRequests = requests;
    },
  };
}
