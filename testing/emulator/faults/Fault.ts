/**
 * How an emulator misbehaves.
 *
 * - `status429`: 429 Too Many Requests, with `Retry-After` when the fault names one.
 * - `status500`, `status503`: a server error in the API's error shape (`status503` carries
 *   `Retry-After` when the fault names one).
 * - `timeout`: never answers; `close()` ends the connection.
 * - `drop`: closes the connection without an answer.
 * - `malformedJson`: 200 with a body cut off mid-JSON.
 * - `html`: 502 with an HTML page, as a proxy in front of the API would answer.
 * - `missingFields`: 200 with JSON that lacks the fields a client needs.
 */
export type FaultKind =
  | 'status429'
  | 'status500'
  | 'status503'
  | 'timeout'
  | 'drop'
  | 'malformedJson'
  | 'html'
  | 'missingFields';

/** Every {@link FaultKind}, for checking a fault that came from outside. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'status429',
  'status500',
  'status503',
  'timeout',
  'drop',
  'malformedJson',
  'html',
  'missingFields',
];

/** A misbehaviour applied to the next `times` requests to one of an emulator's endpoints. */
export interface Fault<Endpoint extends string> {
  endpoint: Endpoint;
  kind: FaultKind;
  times: number;
  /**
   * The `Retry-After` header of a `status429` or `status503` answer: seconds (a whole number ≥ 0)
   * or an HTTP date. Without it the answer carries no `Retry-After`.
   */
  retryAfter?: number | string;
}
