// A storefront's own service worker that hosts the interceptor for Digital River.
import { interceptApiCalls } from 'sw-token-interceptor/sw';

declare const self: ServiceWorkerGlobalScope;

// First, so Shopper API calls reach the interceptor before any fetch handler of the shop's own.
interceptApiCalls(self, {
  provider: 'digitalriver',
  siteId: 'SITE_ID',
  apiKey: 'PUBLIC_API_KEY',
});

// The shop's own lifecycle: the interceptor leaves it alone.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
