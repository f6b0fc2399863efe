/**
 * The entry of `dist/sw-token-interceptor.fallback.js`, the chunk the drop-in loads only when it
 * needs it: to arm the in-page fallback on pages no worker can serve, and to run Digital River's
 * SessionToken in the page. Keeping both out of the drop-in keeps every page's common path small.
 *
 * @packageDocumentation
 */

export { armFallback } from './fallback/armFallback.js';
export { answerWorkerRequest } from './worker/answerWorkerRequest.js';
