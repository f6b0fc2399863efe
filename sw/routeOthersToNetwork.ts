/** The part of Chromium's static routing API (`InstallEvent.addRoutes`) this worker uses. */
interface RouterInstallEvent extends ExtendableEvent {
  addRoutes(rules: unknown): Promise<void>;
}

/**
 * Where the browser supports static routing (`InstallEvent.addRoutes`, Chromium), tells it at
 * install time to send every request that is not for the API origin straight to the network:
 * images, scripts and pages then never start or wait for this worker. Elsewhere the fetch handler
 * returns early without `respondWith` for those requests, which is the next best thing.
 *
 * Only for the worker we register ourselves: a storefront's own worker has routes of its own.
 *
 * @param event - the install event
 * @param apiOrigin - the configured API origin
 * @returns whether static routing was set up
 */
export async function routeOthersToNetwork(
  event: ExtendableEvent,
  apiOrigin: string,
): Promise<boolean> {
  // Not yet in TypeScript's lib: looked up rather than declared, so its absence is safe.
  const Pattern = (globalThis as { URLPattern?: new (init: Record<string, string>) => unknown })
    .URLPattern;
  if (!('addRoutes' in event) || !Pattern) return false;
  const api = new URL(apiOrigin);
  try {
    await (event as RouterInstallEvent).addRoutes({
      condition: {
        not: {
          urlPattern: new Pattern({
            protocol: api.protocol.slice(0, -1),
            hostname: api.hostname,
            port: api.port,
          }),
        },
      },
      source: 'network',
    });
    return true;
  } catch {
    // An engine that knows addRoutes but not this rule: the fetch handler still filters.
    return false;
  }
}
