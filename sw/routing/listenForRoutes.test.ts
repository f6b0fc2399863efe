import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForRoutes } from './listenForRoutes.js';
import type { AddRoutes, WorkerRoute } from './WorkerRoute.js';

type FetchListener = (event: FetchEvent) => void;

/** A worker's global scope that keeps its fetch listeners, for the test to dispatch to. */
function fakeScope() {
  const listeners: FetchListener[] = [];
  const scope = {
    location: new URL('https://shop.example/sw-token-interceptor.sw.js'),
    addEventListener: (type: string, listener: FetchListener) => {
      if (type === 'fetch') listeners.push(listener);
    },
  };
  /** @returns the response the worker answered with, or undefined when it let the request pass */
  const dispatch = (url: string, method = 'GET'): Promise<Response> | undefined => {
    let answered: Promise<Response> | undefined;
    const event = {
      request: new Request(url, { method }),
      respondWith: (response: Promise<Response>) => {
        answered = response;
      },
    } as unknown as FetchEvent;
    for (const listener of listeners) listener(event);
    return answered;
  };
  return { scope, dispatch };
}

/** Both hosts the interceptor's routes run in, so one set of stories holds for each. */
const HOSTS: { name: string; host: (scope: object) => Promise<AddRoutes> }[] = [
  {
    name: 'our own worker (one fetch listener)',
    host: async (scope) => (routes) =>
      listenForRoutes(scope as unknown as ServiceWorkerGlobalScope, routes),
  },
  {
    name: "a storefront's bundled worker (Workbox's router)",
    host: async (scope) => {
      // Workbox's default router listens on the global `self`, once per module instance; built
      // for production, as the README asks, so its development logger stays out.
      vi.stubGlobal('self', scope);
      vi.stubEnv('NODE_ENV', 'production');
      vi.stubGlobal('location', (scope as { location: URL }).location);
      vi.resetModules();
      return (await import('./registerWorkboxRoutes.js')).registerWorkboxRoutes;
    },
  },
];

const API = 'https://api.example';
const cartRoute = (answer = 'authorized'): WorkerRoute => ({
  methods: ['GET', 'POST'],
  match: (url) => url.origin === API,
  handle: async () => new Response(answer),
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe.each(HOSTS)('routes in $name', ({ host }) => {
  it('a cart call to the API is answered by the route', async () => {
    const { scope, dispatch } = fakeScope();
    (await host(scope))([cartRoute()]);
    await expect(dispatch(`${API}/cart`, 'POST')?.then((r) => r.text())).resolves.toBe(
      'authorized',
    );
  });

  it("the shop's own JSON call is left to the network: no respondWith", async () => {
    const { scope, dispatch } = fakeScope();
    (await host(scope))([cartRoute()]);
    expect(dispatch('https://shop.example/products.json')).toBeUndefined();
  });

  it('a call with a method the route does not list is never offered to it', async () => {
    const { scope, dispatch } = fakeScope();
    const match = vi.fn(() => true);
    (await host(scope))([{ ...cartRoute(), match }]);
    expect(dispatch(`${API}/cart`, 'DELETE')).toBeUndefined();
    expect(match).not.toHaveBeenCalled();
  });

  it('a URL that is not http(s) is never offered to a route', async () => {
    const { scope, dispatch } = fakeScope();
    const match = vi.fn(() => true);
    (await host(scope))([{ ...cartRoute(), match }]);
    expect(dispatch('data:text/plain,hello')).toBeUndefined();
    expect(match).not.toHaveBeenCalled();
  });

  it('when two routes match, the first one given answers', async () => {
    const { scope, dispatch } = fakeScope();
    (await host(scope))([cartRoute('first'), cartRoute('second')]);
    await expect(dispatch(`${API}/cart`)?.then((r) => r.text())).resolves.toBe('first');
  });

  it('a route whose handler throws answers with a failure, never passes the call on', async () => {
    const { scope, dispatch } = fakeScope();
    const handle = () => {
      throw new Error('broken');
    };
    (await host(scope))([{ ...cartRoute(), handle }]);
    await expect(dispatch(`${API}/cart`)).rejects.toThrow('broken');
  });
});
