/** The part of Chromium's static routing API (`InstallEvent.addRoutes`) this worker uses. */
interface RouterInstallEvent extends ExtendableEvent {
  addRoutes(rules: unknown): Promise<void>;
}

// URLPattern syntax characters, which an origin's host name may hold (an IPv6 address's colons).
const PATTERN_SYNTAX = /[\\+*?:{}()[\]]/g;

/** A URLPattern that matches every URL on `origin` and nothing else. */
function originPattern(origin: string) {
  const url = new URL(origin);
  return {
    protocol: url.protocol.slice(0, -1),
    hostname: url.hostname.replace(PATTERN_SYNTAX, '\\$&'),
    port: url.port,
  };
}

/**
 * Where the browser supports static routing (`InstallEvent.addRoutes`, Chromium), tells it at
 * install time which requests never need this worker, so they neither start it nor wait for it.
 * Rules are tried in order and the first that matches decides:
 * 1. navigations race the network against the fetch handler: the page loads from the network as
 *    if there were no worker, and the worker starts in parallel, ready for the page's first cart
 *    call (a stopped worker otherwise starts only when the page first talks to it);
 * 2. every request not addressed to an API origin (assets, and the page's own `fetch`/XHR calls to
 *    its origin or to third parties) goes straight to the network.
 * Elsewhere the fetch handler returns early, without `respondWith`, for anything not an API call.
 *
 * Chromium keeps the rules a page was loaded under when a newer worker claims it, so a page
 * loaded under a worker configured for another API origin would send this one's calls past it;
 * the drop-in detects that case and authorizes that page's calls itself until its next navigation
 * (docs/decisions/014-static-routing-by-api-origin.md).
 *
 * Only for the worker we register ourselves: a storefront's own worker has routes of its own.
 *
 * @param event - the install event
 * @param apiOrigins - the configured API origins, whose calls must reach the fetch handler
 * @returns whether static routing was set up
 */
export async function routeAssetsToNetwork(
  event: ExtendableEvent,
  apiOrigins: readonly string[],
): Promise<boolean> {
  const patterns = apiOrigins.map((origin) => ({ urlPattern: originPattern(origin) }));
  if (!('addRoutes' in event)) return false;
  try {
    await (event as RouterInstallEvent).addRoutes([
      { condition: { requestMode: 'navigate' }, source: 'race-network-and-fetch-handler' },
      {
        condition: { not: patterns.length === 1 ? patterns[0] : { or: patterns } },
        source: 'network',
      },
    ]);
    return true;
  } catch {
    // An engine that knows addRoutes but not these conditions: the fetch handler still filters.
    return false;
  }
}
