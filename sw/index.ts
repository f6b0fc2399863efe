/**
 * The module for use inside a storefront's own, bundled service worker
 * (`sw-token-interceptor/sw`).
 *
 * @packageDocumentation
 */
export { ErrorCode, InterceptorError } from '../core/errors';
export { interceptApiCalls } from './interceptApiCalls';
export type { WorkerOptions } from './WorkerOptions';
