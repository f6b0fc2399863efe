/** Milliseconds since the epoch, as the host's clock tells them. Injected so tests need no sleeps. */
export type Clock = () => number;
