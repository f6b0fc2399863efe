// A storefront's own worker: it caches its assets, answers a route of its own, and imports the
// interceptor, configured the same way as the drop-in.
self.swTokenInterceptorConfig = {
  provider: 'firmly',
  appId: 'demo-app',
  apiOrigin: new URL(self.location.href).searchParams.get('api'),
};
importScripts('/sw-token-interceptor.sw.js');

const CACHE = 'storefront-assets-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add('/own-asset.txt'))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.pathname === '/own-route') {
    event.respondWith(new Response('answered by the storefront worker'));
  } else if (url.pathname === '/own-asset.txt') {
    event.respondWith(
      caches
        .match(event.request)
        .then((cached) =>
          cached
            ? new Response(cached.body, { headers: { 'x-from': 'storefront-cache' } })
            : fetch(event.request),
        ),
    );
  }
});
