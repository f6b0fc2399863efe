/** Milliseconds since the epoch, as the host's clock tells them. Injected so tests need no sleeps. */
export type Clock = () => number;

/**
 * Milliseconds on a clock that only moves forward, from an arbitrary start (`performance.now()`).
 * Waits are measured on it, so a wall-clock correction (NTP, the shopper's own) neither stretches
 * nor skips them. Its readings mean nothing to another context.
 */
export type MonotonicClock = () => number;
