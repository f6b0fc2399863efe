/**
 * The worker's global scope, as any lib types `self`: `WorkerGlobalScope & typeof globalThis`
 * under the `WebWorker` lib, a declared `ServiceWorkerGlobalScope`, or `self` in a project typed
 * with the `DOM` lib alone. Kept this small on purpose, so the package's declarations name no
 * lib-specific type; that it really is a service worker's scope is checked when the interceptor
 * starts.
 */
export interface WorkerScope {
  readonly location: { readonly href: string };
}
