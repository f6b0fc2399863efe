// A Digital River storefront's own worker, hosting the interceptor in the one-call variant.
const params = new URL(self.location.href).searchParams;
self.swTokenInterceptorConfig = {
  provider: 'digitalriver',
  siteId: 'demoSite',
  apiKey: 'demo-public-key',
  tokenVia: 'api-key',
  storeOrigin: params.get('store'),
  apiOrigin: params.get('api'),
};
importScripts('/sw-token-interceptor.sw.js');

self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
