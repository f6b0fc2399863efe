import { ErrorCode, InterceptorError } from './errors';
import {
  DEFAULT_FIRMLY_API_ORIGIN,
  DEFAULT_RENEW_MARGIN_SECONDS,
  type ProviderId,
  type WorkerConfig,
} from './WorkerConfig';

/** Unvalidated configuration, as read from `data-*` attributes, options or a URL. */
export interface RawWorkerConfig {
  provider?: string | null | undefined;
  appId?: string | null | undefined;
  apiOrigin?: string | null | undefined;
  renewMarginSeconds?: string | number | null | undefined;
}

/** How each field is called where it came from (`data-app-id`, `appId`, …), for error messages. */
export type FieldNames = Readonly<Record<keyof RawWorkerConfig, string>>;

const PROVIDERS: readonly ProviderId[] = ['firmly'];
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// Printable ASCII only: the id goes into an HTTP header, where anything else is unsafe.
const APP_ID = /^[\x21-\x7e]{1,256}$/;

/**
 * Validates an API origin. Only a bare origin is accepted, so matching can compare parsed
 * origins exactly and a path or credentials can never widen or disguise what gets the token.
 * `http:` is allowed for loopback only, where browsers treat it as a secure context.
 *
 * @param value - the configured origin
 * @param field - the field's name, for the error
 * @returns the origin in canonical form (`new URL(value).origin`)
 * @throws InterceptorError `ConfigInvalid` naming the field
 */
export function validateApiOrigin(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InterceptorError(ErrorCode.ConfigInvalid, `${field} is not a URL`);
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    throw new InterceptorError(
      ErrorCode.ConfigInvalid,
      `${field} must use https: (http: only for localhost and 127.0.0.1)`,
    );
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new InterceptorError(
      ErrorCode.ConfigInvalid,
      `${field} must be a bare origin such as https://api.example.com`,
    );
  }
  return url.origin;
}

/**
 * Checks raw configuration once, at the boundary, so the inside can trust it.
 *
 * @param raw - unvalidated values
 * @param names - how each field is called where it came from
 * @returns a complete configuration with defaults applied
 * @throws InterceptorError `ConfigInvalid` naming the first bad field
 */
export function validateWorkerConfig(raw: RawWorkerConfig, names: FieldNames): WorkerConfig {
  const provider = raw.provider;
  if (!provider || !PROVIDERS.includes(provider as ProviderId)) {
    throw new InterceptorError(
      ErrorCode.ConfigInvalid,
      `${names.provider} must be one of: ${PROVIDERS.join(', ')}`,
    );
  }
  const appId = raw.appId;
  if (!appId || !APP_ID.test(appId)) {
    throw new InterceptorError(
      ErrorCode.ConfigInvalid,
      `${names.appId} is required and must be printable ASCII without spaces`,
    );
  }
  const apiOrigin = validateApiOrigin(raw.apiOrigin ?? DEFAULT_FIRMLY_API_ORIGIN, names.apiOrigin);
  const margin = raw.renewMarginSeconds ?? DEFAULT_RENEW_MARGIN_SECONDS;
  const renewMarginSeconds = typeof margin === 'number' ? margin : Number(margin);
  if (margin === '' || !Number.isFinite(renewMarginSeconds) || renewMarginSeconds < 0) {
    throw new InterceptorError(
      ErrorCode.ConfigInvalid,
      `${names.renewMarginSeconds} must be a number of seconds, 0 or more`,
    );
  }
  return { provider: provider as ProviderId, appId, apiOrigin, renewMarginSeconds };
}

const SEARCH_NAMES: FieldNames = {
  provider: 'provider',
  appId: 'appId',
  apiOrigin: 'apiOrigin',
  renewMarginSeconds: 'renewMarginSeconds',
};

/**
 * Encodes the worker's configuration for its script URL.
 *
 * @param config - validated configuration
 * @returns a query string without the leading `?`
 */
export function workerConfigToSearch(config: WorkerConfig): string {
  return new URLSearchParams({
    provider: config.provider,
    appId: config.appId,
    apiOrigin: config.apiOrigin,
    renewMarginSeconds: String(config.renewMarginSeconds),
  }).toString();
}

/**
 * Decodes and validates the configuration from the worker's own script URL.
 *
 * @param search - `location.search` of the worker
 * @returns validated configuration
 * @throws InterceptorError `ConfigInvalid`
 */
export function workerConfigFromSearch(search: string): WorkerConfig {
  const params = new URLSearchParams(search);
  return validateWorkerConfig(
    {
      provider: params.get('provider'),
      appId: params.get('appId'),
      apiOrigin: params.get('apiOrigin'),
      renewMarginSeconds: params.get('renewMarginSeconds'),
    },
    SEARCH_NAMES,
  );
}
