/** A method a route can answer: the ones Workbox routes (CORS preflights never reach a worker). */
export type RouteMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One of the interceptor's routes: which requests it answers, and how. Plain data, so the two
 * hosts dispatch the very same functions: our own worker's fetch listener (`listenForRoutes`),
 * and Workbox's router in a storefront's bundled worker (`registerWorkboxRoutes`).
 */
export interface WorkerRoute {
  /** The request methods it answers. */
  readonly methods: readonly RouteMethod[];
  /** Whether it answers this request; called only for one of its methods. */
  readonly match: (url: URL, request: Request) => boolean;
  /** The response, for a request it matched. */
  readonly handle: (request: Request, event: FetchEvent) => Promise<Response>;
}

/** Adds the interceptor's routes to whichever router the host worker dispatches with. */
export type AddRoutes = (routes: readonly WorkerRoute[]) => void;
