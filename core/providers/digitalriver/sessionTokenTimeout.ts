/**
 * How long the page waits for Digital River's SessionToken JSONP answer. The worker, which asks
 * the page to run it, waits a little longer than this, so both timeouts are derived from here.
 */
export const SESSION_TOKEN_TIMEOUT_MS = 10_000;
