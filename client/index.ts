/**
 * The ESM entry for bundler users. The script tag (`dist/sw-token-interceptor.js`) is the same
 * thing for sites without a bundler.
 *
 * @packageDocumentation
 */
export type { InterceptInfo } from '../core/createAuthorizedFetch';
export { ErrorCode, type ErrorInfo, errorMessages, InterceptorError } from '../core/errors';
export type { SessionInfo } from '../core/SessionInfo';
export type { ProviderId } from '../core/WorkerConfig';
export type { InstallOptions } from './InstallOptions';
export { install } from './install';
export type { InterceptorEvents, SwTokenInterceptor } from './SwTokenInterceptor';
