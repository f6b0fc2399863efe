import type { ProviderOptions } from '../core/config/ProviderOptions.js';

/**
 * The configuration of an interceptor hosted in a storefront's own worker, by provider: the same
 * fields, from the same source, as `install()` and the script tag (without the page's own
 * `swUrl`, `scope` and `registerWorker`).
 */
export type WorkerOptions = ProviderOptions;
