import { CHECKOUT_PATH } from '../core/CheckoutOptions.js';
import { createInterceptorCore } from '../core/createInterceptorCore.js';
import type { TokenSession } from '../core/createTokenSession.js';
import { debugLog } from '../core/DebugLog.js';
import { toErrorInfo } from '../core/errors.js';
import { isApiRequest } from '../core/isApiRequest.js';
import type { WorkerConfig } from '../core/WorkerConfig.js';
import { webLock } from '../core/webLock.js';
import { askThisPage } from './askThisPage.js';
import type { Emitter } from './createEmitter.js';
import { handOffFromPage } from './handOffFromPage.js';
import { isApiUrl } from './isApiUrl.js';
import type { InterceptorEvents } from './SwTokenInterceptor.js';

/** The armed in-page fallback. */
export interface Fallback {
  /** The page's own token session: same store, key and lock as the worker's. */
  session: TokenSession;
  /**
   * Hands the shopper to Digital River's hosted checkout from this page.
   *
   * @param handOff - the hand-off URL, whose query holds the options
   */
  checkout(handOff: URL): Promise<void>;
  /** Stops authorizing (the worker took over); the wrappers become pass-throughs. */
  disarm(): void;
}

/**
 * Arms the in-page fallback for pages the worker cannot serve (workers blocked, unsupported, or
 * the worker file missing). It augments `window.fetch` and `XMLHttpRequest` for the configured
 * API origin only, and uses the same core, IndexedDB session and Web Lock as the worker, so the
 * page and a later worker share one device.
 *
 * It ships as a separate chunk, loaded only when needed.
 *
 * @param win - the page's window
 * @param config - validated configuration
 * @param nativeFetch - the page's fetch from before any wrapping, for the fallback's own calls
 * @param events - where to report session, error and intercept events
 * @param scope - the worker's scope, which the checkout hand-off URL is relative to
 * @returns the armed fallback
 */
export function armFallback(
  win: Window & typeof globalThis,
  config: WorkerConfig,
  nativeFetch: typeof fetch,
  events: Emitter<InterceptorEvents>,
  scope: string,
): Fallback {
  const log = debugLog(config.debug, (line) => console.info(line));
  log?.('fallback armed: this page attaches the token to API calls itself');
  const { provider, session, authorizedFetch } = createInterceptorCore(config, {
    log,
    fetch: nativeFetch,
    withLock: webLock(win.navigator.locks),
    path: 'page',
    onSession: (info) => events.emit('session', info),
    onError: (error) => events.emit('error', error),
    askPage: () => askThisPage(win, config),
  });
  let armed = true;
  const isApi = (url: string | URL) => isApiUrl(url, win.location.href, config.apiOrigin);

  const inner = win.fetch;
  win.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input;
    if (!armed || !isApi(url)) return inner.call(win, input, init);
    const request = new Request(input, init);
    // The same rule as the worker's: a no-cors request cannot carry the header, so it is left alone.
    if (!isApiRequest(request, config.apiOrigin)) return inner.call(win, request);
    return authorizedFetch(request, (info) => events.emit('intercept', info));
  };

  const proto = win.XMLHttpRequest.prototype;
  const { open, send } = proto;
  const targets = new WeakMap<XMLHttpRequest, { url: string; async: boolean }>();
  proto.open = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    targets.set(this, { url: String(args[1]), async: args[2] !== false });
    return open.apply(this, args);
  } as typeof open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const target = targets.get(this);
    // A synchronous XHR cannot wait for a token; it goes out as it would have.
    if (!armed || !target?.async || !isApi(target.url)) return send.call(this, body);
    session.token().then(
      (token) => {
        const headers = new Headers();
        provider.authorize(headers, token);
        headers.forEach((value, name) => {
          this.setRequestHeader(name, value);
        });
        send.call(this, body);
      },
      () => {
        // Never sent without its token: the call ends (status 0) and 'error' has fired.
        this.abort();
      },
    );
  };

  const checkout = (handOff: URL) => handOffFromPage(win, config, session, handOff);
  // A plain link to the hand-off URL, which a worker would have answered: the page answers it.
  const handOffPath = new URL(CHECKOUT_PATH, scope);
  win.document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!armed || !(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    const url = new URL(link.href);
    if (url.origin !== handOffPath.origin || url.pathname !== handOffPath.pathname) return;
    event.preventDefault();
    checkout(url).catch((error: unknown) => {
      const info = toErrorInfo(error);
      console.error(`[sw-token-interceptor] ${info.code}: ${info.message}`);
      events.emit('error', info);
    });
  });

  return {
    session,
    checkout,
    disarm() {
      armed = false;
    },
  };
}
