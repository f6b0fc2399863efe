// Long waits are the API's business; a shopper's call never waits past the retry deadline anyway.
const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/**
 * Reads a `Retry-After` header: delta-seconds, or an HTTP date measured against the answer's own
 * `Date` header (so the shopper's clock plays no part).
 *
 * @param value - the `Retry-After` header, if any
 * @param date - the answer's `Date` header, if any
 * @returns the wait in milliseconds (capped at ten minutes), or undefined when absent or unreadable
 */
export function parseRetryAfter(
  value: string | null | undefined,
  date?: string | null,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const until = Date.parse(text);
    const sent = date ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(until) || Number.isNaN(sent)) return undefined;
    ms = until - sent;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
