import { VERSION } from '../core/version.js';
import { ATTRIBUTE_NAMES } from './config/attributeNames.js';
import { validateInstallOptions } from './config/validateInstallOptions.js';
import { logError } from './events/logError.js';
import type { SwTokenInterceptor } from './SwTokenInterceptor.js';
import { type PageChunk, startClient } from './startClient.js';

declare global {
  interface Window {
    /** Set by the script tag. */
    swTokenInterceptor?: SwTokenInterceptor;
  }
}

function failedHandle(error: unknown): SwTokenInterceptor {
  const ready = Promise.reject(error);
  // The error is already in the console; awaiting `ready` still rejects with it.
  ready.catch(() => undefined);
  return {
    ready,
    session: () => ready,
    clear: () => ready,
    checkout: () => ready,
    on: () => () => undefined,
  };
}

// The tag that loaded this script; `currentScript` is null only if loaded some other way.
const tag =
  document.currentScript instanceof HTMLScriptElement
    ? document.currentScript
    : document.querySelector<HTMLScriptElement>('script[data-provider]');

// The on-demand chunk sits beside this file, wherever the storefront serves it from. Its URL
// names this build, so a storefront that caches the files for long never pairs this drop-in
// with another build's chunk.
const FALLBACK_FILE = `sw-token-interceptor.fallback.js?v=${VERSION}`;

try {
  const raw = Object.fromEntries(
    Object.entries(ATTRIBUTE_NAMES).map(([key, name]) => [key, tag?.getAttribute(name)]),
  );
  const options = validateInstallOptions(raw, ATTRIBUTE_NAMES, new URL(window.location.href));
  const fallbackUrl = new URL(FALLBACK_FILE, tag?.src || options.scriptURL).href;
  window.swTokenInterceptor = startClient(
    options,
    () => import(/* webpackIgnore: true */ fallbackUrl) as Promise<PageChunk>,
  );
} catch (error) {
  // A bad tag registers no worker: it is reported, coded and naming the attribute.
  logError(error);
  window.swTokenInterceptor = failedHandle(error);
}
