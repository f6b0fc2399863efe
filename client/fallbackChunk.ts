/**
 * The entry of `dist/sw-token-interceptor.fallback.js`, the chunk the drop-in loads only on
 * pages no worker can serve.
 *
 * @packageDocumentation
 */
export { armFallback } from './armFallback';
