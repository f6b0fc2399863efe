// A storefront's own service worker that hosts the interceptor for the Firmly Cart API.
import { interceptApiCalls } from 'sw-token-interceptor/sw';

declare const self: ServiceWorkerGlobalScope;

// First, so cart-API calls reach the interceptor before any fetch handler of the shop's own.
interceptApiCalls(self, {
  provider: 'firmly',
  appId: 'YOUR_APPLICATION_ID',
  apiOrigins: ['https://api.firmly.work', 'https://cc.firmly.work'],
});

// The shop's own lifecycle: the interceptor leaves it alone.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
