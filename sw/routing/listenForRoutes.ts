import type { WorkerRoute } from './WorkerRoute.js';

/**
 * Dispatches fetch events to the routes with one `fetch` listener: how our own worker
 * (`sw-token-interceptor.sw.js`) routes. The first route, in order, whose methods and `match`
 * fit answers; a request none of them matches gets no `respondWith` and goes to the network as
 * if there were no worker, as with Workbox's router (decision 012).
 *
 * @param scope - the worker's global scope
 * @param routes - the interceptor's routes, in order
 */
export function listenForRoutes(
  scope: ServiceWorkerGlobalScope,
  routes: readonly WorkerRoute[],
): void {
  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    const url = new URL(request.url);
    // As with Workbox: only http(s) is routed (an extension's or a `data:` URL is no API call).
    if (!url.protocol.startsWith('http')) return;
    const route = routes.find(
      ({ methods, match }) =>
        (methods as readonly string[]).includes(request.method) && match(url, request),
    );
    // A handler that throws is a failed response, as with Workbox, not a pass to the network.
    if (route) event.respondWith(new Promise((resolve) => resolve(route.handle(request, event))));
  });
}
