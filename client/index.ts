/**
 * The ESM entry for bundler users. The script tag (`dist/sw-token-interceptor.js`) is the same
 * thing for sites without a bundler.
 *
 * @packageDocumentation
 */

export type { InterceptInfo } from '../core/calls/InterceptInfo.js';
export type { CheckoutOptions } from '../core/checkout/CheckoutOptions.js';
export type {
  DigitalRiverOptions,
  FirmlyOptions,
  ProviderOptions,
} from '../core/config/ProviderOptions.js';
export type { ProviderId } from '../core/config/WorkerConfig.js';
export {
  ErrorCode,
  type ErrorInfo,
  errorMessages,
  InterceptorError,
  type UpstreamAnswer,
} from '../core/errors/errors.js';
export type { TokenVia } from '../core/providers/digitalriver/TokenVia.js';
export type { SessionInfo } from '../core/session/SessionInfo.js';
export type {
  DigitalRiverInstallOptions,
  FirmlyInstallOptions,
  InstallOptions,
} from './InstallOptions.js';
export { install } from './install.js';
export type { InterceptorEvents, SwTokenInterceptor } from './SwTokenInterceptor.js';
