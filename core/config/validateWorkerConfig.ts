import { InterceptorError } from '../errors/errors.js';
import { validateTokenVia } from '../providers/digitalriver/validateTokenVia.js';
import type { FieldNames, RawWorkerConfig } from './RawWorkerConfig.js';
import {
  DEFAULT_API_ORIGINS,
  DEFAULT_DIGITAL_RIVER_STORE_ORIGIN,
  DEFAULT_RENEW_MARGIN_SECONDS,
  type ProviderId,
  type WorkerConfig,
} from './WorkerConfig.js';

const PROVIDERS: readonly ProviderId[] = ['firmly', 'digitalriver'];
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// Printable ASCII only: these ids go into HTTP headers and URLs, where anything else is unsafe.
const PUBLIC_ID = /^[\x21-\x7e]{1,256}$/;

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
    throw new InterceptorError('ConfigInvalid', `${field} is not a URL`);
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${field} must use https: (http: only for localhost and 127.0.0.1)`,
    );
  }
  // A wildcard parses as a host name, then would match nothing: refused, as origins are exact.
  const bare = !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
  if (!bare || url.hostname.includes('*')) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${field} must be exact, bare origins such as https://api.example.com`,
    );
  }
  return url.origin;
}

/**
 * Reads the origins that get the token: `apiOrigins` (a list, or space-separated) or the single
 * `apiOrigin`, never both, so no reader has to guess which one wins. Each is exact; none is
 * derived from another by pattern.
 *
 * @param raw - unvalidated values
 * @param names - how each field is called where it came from
 * @param fallback - the provider's production API, when neither is given
 * @returns the canonical origins without repeats, the token's own API first
 * @throws InterceptorError `ConfigInvalid` naming the field
 */
function validateApiOrigins(raw: RawWorkerConfig, names: FieldNames, fallback: string): string[] {
  const { apiOrigin, apiOrigins } = raw;
  if (apiOrigins == null) return [validateApiOrigin(apiOrigin ?? fallback, names.apiOrigin)];
  const list =
    typeof apiOrigins === 'string' ? apiOrigins.split(/\s+/).filter(Boolean) : apiOrigins;
  if (apiOrigin != null || !Array.isArray(list) || list.length === 0) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${names.apiOrigins} must list origins, without ${names.apiOrigin}`,
    );
  }
  return [...new Set(list.map((origin) => validateApiOrigin(String(origin), names.apiOrigins)))];
}

function publicId(value: string | null | undefined, field: string): string {
  if (!value || !PUBLIC_ID.test(value)) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${field} is required and must be printable ASCII without spaces`,
    );
  }
  return value;
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
      'ConfigInvalid',
      `${names.provider} must be one of: ${PROVIDERS.join(', ')}`,
    );
  }
  const apiOrigins = validateApiOrigins(raw, names, DEFAULT_API_ORIGINS[provider as ProviderId]);
  const apiOrigin = apiOrigins[0] as string;
  const margin = raw.renewMarginSeconds ?? DEFAULT_RENEW_MARGIN_SECONDS;
  const renewMarginSeconds = typeof margin === 'number' ? margin : Number(margin);
  if (margin === '' || !Number.isFinite(renewMarginSeconds) || renewMarginSeconds < 0) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${names.renewMarginSeconds} must be a number of seconds, 0 or more`,
    );
  }
  // A bare `data-debug` attribute reads as "", which means on.
  const debug = raw.debug ?? false;
  if (![true, false, '', 'true', 'false'].includes(debug)) {
    throw new InterceptorError('ConfigInvalid', `${names.debug} must be true or false`);
  }
  const common = {
    apiOrigin,
    apiOrigins,
    renewMarginSeconds,
    debug: debug !== false && debug !== 'false',
  };
  if (provider === 'firmly') {
    return { provider, appId: publicId(raw.appId, names.appId), ...common };
  }
  const siteId = publicId(raw.siteId, names.siteId);
  const storeOrigin = validateApiOrigin(
    raw.storeOrigin ?? DEFAULT_DIGITAL_RIVER_STORE_ORIGIN,
    names.storeOrigin,
  );
  // The store gets the shopper's cookies, never the token: it must not be an API origin.
  if (apiOrigins.includes(storeOrigin)) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${names.storeOrigin} must differ from the API origins`,
    );
  }
  const hasApiKey = raw.apiKey !== null && raw.apiKey !== undefined;
  const tokenVia = validateTokenVia(raw.tokenVia, hasApiKey, names.tokenVia, names.apiKey);
  const config: WorkerConfig = {
    provider: 'digitalriver',
    siteId,
    tokenVia,
    storeOrigin,
    ...common,
  };
  if (hasApiKey) config.apiKey = publicId(raw.apiKey, names.apiKey);
  return config;
}
