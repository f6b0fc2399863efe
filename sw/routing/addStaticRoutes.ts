/** One rule of Chromium's static routing API: which requests, and where they go. */
export interface StaticRoute {
  /** The requests the rule matches. */
  condition: unknown;
  /** Where they go: the network, our fetch handler, or a race of the two. */
  source: 'network' | 'fetch-event' | 'race-network-and-fetch-handler';
}

/** The part of Chromium's static routing API (`InstallEvent.addRoutes`) this worker uses. */
interface RouterInstallEvent extends ExtendableEvent {
  addRoutes(rules: readonly StaticRoute[]): Promise<void>;
}
declare const URLPattern: (new (init: { pathname: string }) => unknown) | undefined;

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

/** What decides this worker's static routes. */
export interface StaticRouteOptions {
  /** The configured API origins, whose calls must reach the fetch handler. */
  apiOrigins: readonly string[];
  /**
   * A URLPattern for the checkout hand-off URL, when the provider has one: a navigation the
   * worker must answer itself.
   */
  checkoutPattern?: unknown;
}

/**
 * This worker's static routes, as one ordered list: the browser tries them in order and the
 * first that matches decides, so the order is the routing policy.
 * 1. the checkout hand-off URL goes to the fetch handler: it comes first because rule 2 would
 *    otherwise answer that navigation from the network and the hand-off would never run;
 * 2. navigations race the network against the fetch handler: the page loads from the network as
 *    if there were no worker, and the worker starts in parallel, ready for the page's first cart
 *    call (a stopped worker otherwise starts only when the page first talks to it);
 * 3. every request not addressed to an API origin (assets, and the page's own `fetch`/XHR calls to
 *    its origin or to third parties) goes straight to the network.
 *
 * @param options - the API origins, and the checkout hand-off where the provider has one
 * @returns the rules, in the order the browser must try them
 */
export function staticRoutes(options: StaticRouteOptions): StaticRoute[] {
  const rules: StaticRoute[] = [];
  if (options.checkoutPattern !== undefined) {
    rules.push({ condition: { urlPattern: options.checkoutPattern }, source: 'fetch-event' });
  }
  const patterns = options.apiOrigins.map((origin) => ({ urlPattern: originPattern(origin) }));
  rules.push(
    { condition: { requestMode: 'navigate' }, source: 'race-network-and-fetch-handler' },
    {
      condition: { not: patterns.length === 1 ? patterns[0] : { or: patterns } },
      source: 'network',
    },
  );
  return rules;
}

/**
 * Where the browser supports static routing (`InstallEvent.addRoutes`, Chromium), tells it at
 * install time which requests never need this worker, so they neither start it nor wait for it
 * ({@link staticRoutes} gives the rules and their order). Elsewhere the fetch handler returns
 * early, without `respondWith`, for anything not an API call.
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
 * @param checkoutUrl - the checkout hand-off URL, when the provider has one
 * @returns whether static routing was set up
 */
export async function addStaticRoutes(
  event: ExtendableEvent,
  apiOrigins: readonly string[],
  checkoutUrl?: URL,
): Promise<boolean> {
  if (!('addRoutes' in event)) return false;
  // Without a pattern for the checkout rule, rule 2 would send the hand-off past the worker: no
  // static routing at all is the safe choice.
  if (checkoutUrl && typeof URLPattern !== 'function') return false;
  const rules = staticRoutes({
    apiOrigins,
    checkoutPattern:
      checkoutUrl && URLPattern && new URLPattern({ pathname: checkoutUrl.pathname }),
  });
  try {
    // One call: the rules are added together or not at all, so no partial order is left behind.
    await (event as RouterInstallEvent).addRoutes(rules);
    return true;
  } catch {
    // An engine that knows addRoutes but not these conditions: the fetch handler still filters.
    return false;
  }
}
