// A storefront's own worker built with a bundler and Workbox: it hosts the interceptor through
// the package's `sw` export and keeps a Workbox route of its own.
import { interceptApiCalls } from 'sw-token-interceptor/sw';
import { registerRoute } from 'workbox-routing';

interceptApiCalls(self, {
  provider: 'firmly',
  appId: 'demo-app',
  apiOrigin: new URL(self.location.href).searchParams.get('api'),
});
registerRoute(
  ({ url }) => url.pathname === '/bundled-route',
  () => new Response('answered by the bundled worker'),
);
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
