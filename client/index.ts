/**
 * The ESM entry for bundler users. The script tag (`dist/sw-token-interceptor.js`) is the same
 * thing for sites without a bundler.
 *
 * @packageDocumentation
 */

export type { CheckoutOptions } from '../core/CheckoutOptions.js';
export {
  ErrorCode,
  type ErrorInfo,
  errorMessages,
  InterceptorError,
  type UpstreamAnswer,
} from '../core/errors.js';
export type { InterceptInfo } from '../core/InterceptInfo.js';
export type {
  DigitalRiverOptions,
  FirmlyOptions,
  ProviderOptions,
} from '../core/ProviderOptions.js';
export type { SessionInfo } from '../core/SessionInfo.js';
export type { ProviderId } from '../core/WorkerConfig.js';
export type {
  DigitalRiverInstallOptions,
  FirmlyInstallOptions,
  InstallOptions,
} from './InstallOptions.js';
export { install } from './install.js';
export type { InterceptorEvents, SwTokenInterceptor } from './SwTokenInterceptor.js';
