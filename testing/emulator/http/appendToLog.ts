/** The most recent entries a request log keeps; enough for any test, bounded for a long demo. */
export const MAX_LOG_ENTRIES = 1000;

/**
 * Appends to a live request log and drops the oldest entry past {@link MAX_LOG_ENTRIES}. The array
 * is changed in place because tests hold a reference to it.
 *
 * @param log - the emulator's log
 * @param entry - what was seen
 */
export function appendToLog<T>(log: T[], entry: T): void {
  log.push(entry);
  if (log.length > MAX_LOG_ENTRIES) log.shift();
}
