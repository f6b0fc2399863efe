// your sw.js
self.swTokenInterceptorConfig = { provider: 'firmly', appId: 'YOUR_APPLICATION_ID' };
importScripts('/sw-token-interceptor.sw.js');
// … your own install, activate and fetch handlers, caches and routes
