declare const __SWTI_VERSION__: string | undefined;

/**
 * This build's version: the package version and a hash of the sources, put into the page
 * bundles and the worker alike at build time, so each can tell when the other is stale.
 */
export const VERSION: string = typeof __SWTI_VERSION__ === 'string' ? __SWTI_VERSION__ : 'dev';
