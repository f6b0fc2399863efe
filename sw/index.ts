/**
 * The module for use inside a storefront's own, bundled service worker
 * (`sw-token-interceptor/sw`).
 *
 * @packageDocumentation
 */
export { ErrorCode, InterceptorError } from '../core/errors.js';
export { interceptApiCalls } from './interceptApiCalls.js';
export type { WorkerOptions } from './WorkerOptions.js';
