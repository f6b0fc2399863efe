import { registerRoute } from 'workbox-routing';
import type { WorkerRoute } from './WorkerRoute.js';

/**
 * Adds the routes to Workbox's default router, one per method (workbox-routing matches a single
 * method per route). In a storefront's own bundled worker that router is the storefront's too, so
 * ours take their place beside its caching routes and a request is answered by exactly one of
 * them (decision 012).
 *
 * @param routes - the interceptor's routes, in order
 */
export function registerWorkboxRoutes(routes: readonly WorkerRoute[]): void {
  for (const { methods, match, handle } of routes) {
    for (const method of methods) {
      registerRoute(
        ({ url, request }) => match(url, request),
        ({ request, event }) => handle(request, event as FetchEvent),
        method,
      );
    }
  }
}
