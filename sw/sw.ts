import { InterceptorError } from '../core/errors';
import { workerConfigFromSearch } from '../core/validateWorkerConfig';
import { startInterceptor } from './startInterceptor';

declare const self: ServiceWorkerGlobalScope;

// Take control at once, so the very first cart call of a first visit goes through the worker.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

try {
  // The configuration lives in this script's URL: it survives the worker being stopped and
  // restarted, and no page message can change it.
  startInterceptor(self, workerConfigFromSearch(self.location.search));
} catch (error) {
  const code = error instanceof InterceptorError ? error.code : 'ConfigInvalid';
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[sw-token-interceptor] ${code}: ${message}`);
}
