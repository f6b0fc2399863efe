import { RAW_FIELDS, type RawWorkerConfig } from './RawWorkerConfig.js';
import type { WorkerConfig } from './WorkerConfig.js';

/** A configuration as the worker's script URL carries it: each field's text, or null. */
export type WorkerConfigSearch = Readonly<Record<keyof RawWorkerConfig, string | null>>;

/**
 * Encodes the worker's configuration into the query of its script URL (decision 001): one
 * parameter per option, named as in `install()`, the origins as one space-separated `apiOrigins`.
 *
 * @param config - validated configuration
 * @returns a query string without the leading `?`
 */
export function encodeWorkerConfig(config: WorkerConfig): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(config)) {
    params.set(key, Array.isArray(value) ? value.join(' ') : String(value));
  }
  // `apiOrigin` is the first of `apiOrigins`, and a configuration that gives both is refused.
  params.delete('apiOrigin');
  return params.toString();
}

/**
 * Reads a configuration back from the query of a worker script URL: the worker's own, which it
 * then validates with `OPTION_NAMES`, or that of a worker the page finds in control.
 *
 * @param search - the query, with or without its leading `?`
 * @returns each field as written, unvalidated
 */
export function decodeWorkerConfig(search: string): WorkerConfigSearch {
  const params = new URLSearchParams(search);
  return Object.fromEntries(
    RAW_FIELDS.map((key) => [key, params.get(key)]),
  ) as unknown as WorkerConfigSearch;
}
