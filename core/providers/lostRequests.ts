/**
 * Token-endpoint failures where no answer was read (a timeout, a dropped connection): the request
 * may still have succeeded at the API, so a fresh session is not retried at once after one, lest a
 * second device be created. A WeakSet rather than a field, so the public error stays as it is.
 */
export const lostRequests = new WeakSet<Error>();
