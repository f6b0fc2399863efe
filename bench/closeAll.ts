/**
 * Closes what a benchmark started, one after another in the order given: the browser first, so
 * no page is left calling a server that is going away.
 *
 * @param things - the browser, servers and emulators to close
 */
export async function closeAll(...things: { close(): unknown }[]): Promise<void> {
  for (const thing of things) await thing.close();
}
