/**
 * The module for use inside a storefront's own, bundled service worker
 * (`sw-token-interceptor/sw`).
 *
 * @packageDocumentation
 */
export {
  ErrorCode,
  type ErrorInfo,
  InterceptorError,
  type UpstreamAnswer,
} from '../core/errors.js';
export type {
  DigitalRiverOptions,
  FirmlyOptions,
  ProviderOptions,
} from '../core/ProviderOptions.js';
export type { ProviderId } from '../core/WorkerConfig.js';
export { interceptApiCalls } from './interceptApiCalls.js';
export type { WorkerOptions } from './WorkerOptions.js';
export type { WorkerScope } from './WorkerScope.js';
