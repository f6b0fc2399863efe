import { OPTION_NAMES } from './fieldNames.js';
import { RAW_FIELDS, type RawWorkerConfig } from './RawWorkerConfig.js';
import { validateWorkerConfig } from './validateWorkerConfig.js';
import type { WorkerConfig } from './WorkerConfig.js';

/**
 * Encodes the worker's configuration for its script URL.
 *
 * @param config - validated configuration
 * @returns a query string without the leading `?`
 */
export function workerConfigToSearch(config: WorkerConfig): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(config)) {
    params.set(key, Array.isArray(value) ? value.join(' ') : String(value));
  }
  // One origin keeps the URL it always had, so no existing registration sees a new worker URL.
  params.delete(config.apiOrigins.length > 1 ? 'apiOrigin' : 'apiOrigins');
  return params.toString();
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
  const raw: RawWorkerConfig = {};
  for (const key of RAW_FIELDS) raw[key] = params.get(key);
  return validateWorkerConfig(raw, OPTION_NAMES);
}
