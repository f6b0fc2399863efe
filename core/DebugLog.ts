/**
 * Where debug mode writes one line per decision (matched or not, token acquired, renewed,
 * retried, fallback armed, with the reason). Callers pass only origins, paths, codes and device
 * ids: never a token, and never a query string, which could carry anything.
 */
export type DebugLog = (note: string) => void;

/**
 * The one place debug mode meets the console, for the worker and the page alike: `console.info`,
 * so the lines show in the default console levels yet stay apart from our warnings and errors.
 *
 * @param enabled - whether debug mode is on
 * @param write - where lines go; tests pass their own
 * @returns a debug log, or undefined when debug mode is off (so callers skip building notes)
 */
export function debugLog(
  enabled: boolean,
  write: (line: string) => void = (line) => console.info(line),
): DebugLog | undefined {
  return enabled ? (note) => write(`[sw-token-interceptor] debug: ${note}`) : undefined;
}

/**
 * @param url - a request URL
 * @returns its origin and path, without the query string and fragment
 */
export function describeUrl(url: string | URL): string {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
