/** The part of Chromium's static routing API (`InstallEvent.addRoutes`) this worker uses. */
interface RouterInstallEvent extends ExtendableEvent {
  addRoutes(rules: unknown): Promise<void>;
}

// What a page loads as a page asset. API calls are `fetch` or XHR, whose destination is empty.
const ASSET_DESTINATIONS = [
  'document',
  'iframe',
  'image',
  'script',
  'style',
  'font',
  'audio',
  'video',
  'track',
  'manifest',
  'worker',
  'sharedworker',
];

/**
 * Where the browser supports static routing (`InstallEvent.addRoutes`, Chromium), tells it at
 * install time to send navigations and page assets (images, scripts, styles, fonts…) straight to
 * the network: they then never start or wait for this worker. Elsewhere, and for `fetch` and XHR
 * calls to other origins, the fetch handler returns early without `respondWith`.
 *
 * The rule names no origin on purpose. Chromium keeps the rules a page was loaded under when a
 * newer worker claims it, so a rule naming the API origin ("everything else goes to the
 * network") would send a reconfigured API's calls past the new worker, without a token, until a
 * reload. A rule by kind of request is right for every configuration.
 *
 * Only for the worker we register ourselves: a storefront's own worker has routes of its own.
 *
 * @param event - the install event
 * @returns whether static routing was set up
 */
export async function routeAssetsToNetwork(event: ExtendableEvent): Promise<boolean> {
  if (!('addRoutes' in event)) return false;
  try {
    await (event as RouterInstallEvent).addRoutes({
      condition: {
        or: [
          { requestMode: 'navigate' },
          ...ASSET_DESTINATIONS.map((destination) => ({ requestDestination: destination })),
        ],
      },
      source: 'network',
    });
    return true;
  } catch {
    // An engine that knows addRoutes but not these conditions: the fetch handler still filters.
    return false;
  }
}
