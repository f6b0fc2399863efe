import type { FieldNames, RawWorkerConfig } from '../../core/config/RawWorkerConfig.js';
import { validateWorkerConfig } from '../../core/config/validateWorkerConfig.js';
import type { WorkerConfig } from '../../core/config/WorkerConfig.js';
import { encodeWorkerConfig } from '../../core/config/workerConfigSearch.js';
import { InterceptorError } from '../../core/errors/errors.js';
import { DEFAULT_SCOPE, DEFAULT_SW_URL } from '../InstallOptions.js';

/** Unvalidated page-side configuration. */
export interface RawInstallOptions extends RawWorkerConfig {
  swUrl?: string | null | undefined;
  scope?: string | null | undefined;
  registerWorker?: string | boolean | null | undefined;
}

/** How each page-side field is called where it came from. */
export type InstallFieldNames = FieldNames &
  Readonly<{ swUrl: string; scope: string; registerWorker: string }>;

/** Page-side configuration, checked. */
export interface ValidInstallOptions {
  worker: WorkerConfig;
  /** Absolute URL of the worker script, with the worker's configuration in its query. */
  scriptURL: string;
  /** Absolute scope URL. */
  scope: string;
  /** Whether to register our worker, or rely on the storefront's own. */
  registerWorker: boolean;
}

function sameOriginUrl(value: string, field: string, pageUrl: URL): URL {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    throw new InterceptorError('ConfigInvalid', `${field} is not a URL`);
  }
  if (url.origin !== pageUrl.origin) {
    throw new InterceptorError('ConfigInvalid', `${field} must be on this page's origin`);
  }
  if (url.search || url.hash) {
    throw new InterceptorError('ConfigInvalid', `${field} must have no query or fragment`);
  }
  return url;
}

/**
 * Checks the page-side configuration once, at start-up.
 *
 * @param raw - unvalidated values
 * @param names - how each field is called where it came from
 * @param pageUrl - the page's URL, which the worker URL and scope must belong to
 * @returns the checked configuration
 * @throws InterceptorError `ConfigInvalid` naming the first bad field
 */
export function validateInstallOptions(
  raw: RawInstallOptions,
  names: InstallFieldNames,
  pageUrl: URL,
): ValidInstallOptions {
  const worker = validateWorkerConfig(raw, names);
  const script = sameOriginUrl(raw.swUrl ?? DEFAULT_SW_URL, names.swUrl, pageUrl);
  const scope = sameOriginUrl(raw.scope ?? DEFAULT_SCOPE, names.scope, pageUrl);
  // A worker whose scope does not contain the page can never control it: `ready` would hang.
  if (!pageUrl.pathname.startsWith(scope.pathname)) {
    throw new InterceptorError('ConfigInvalid', `${names.scope} must contain this page`);
  }
  script.search = encodeWorkerConfig(worker);
  const register = raw.registerWorker ?? true;
  if (![true, false, 'true', 'false'].includes(register)) {
    throw new InterceptorError('ConfigInvalid', `${names.registerWorker} must be true or false`);
  }
  return {
    worker,
    scriptURL: script.href,
    scope: scope.href,
    registerWorker: register === true || register === 'true',
  };
}
