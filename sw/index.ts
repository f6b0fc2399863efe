/**
 * The module for use inside a storefront's own, bundled service worker
 * (`sw-token-interceptor/sw`).
 *
 * @packageDocumentation
 */

export type {
  DigitalRiverOptions,
  FirmlyOptions,
  ProviderOptions,
} from '../core/config/ProviderOptions.js';
export type { ProviderId } from '../core/config/WorkerConfig.js';
export {
  ErrorCode,
  type ErrorInfo,
  InterceptorError,
  type UpstreamAnswer,
} from '../core/errors/errors.js';
export type { TokenVia } from '../core/providers/digitalriver/TokenVia.js';
export { interceptApiCalls } from './interceptApiCalls.js';
export type { WorkerOptions } from './WorkerOptions.js';
export type { WorkerScope } from './WorkerScope.js';
