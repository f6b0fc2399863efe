import type { InterceptInfo } from '../../core/calls/InterceptInfo.js';
import { withToken } from '../../core/calls/withToken.js';
import { CHECKOUT_PATH } from '../../core/checkout/CheckoutOptions.js';
import type { WorkerConfig } from '../../core/config/WorkerConfig.js';
import { createInterceptorCore } from '../../core/createInterceptorCore.js';
import { debugLog, describeUrl } from '../../core/DebugLog.js';
import { toErrorInfo } from '../../core/errors/errors.js';
import type { TokenSession } from '../../core/session/createTokenSession.js';
import { checkoutFromPage } from '../checkout/checkoutFromPage.js';
import type { Emitter } from '../events/createEmitter.js';
import { logError } from '../events/logError.js';
import { askThisPage } from '../pageStep/askThisPage.js';
import type { ApiCallAuthorizer } from '../patch/patchApiCalls.js';
import type { InterceptorEvents } from '../SwTokenInterceptor.js';
import { sendXhrThroughFetch } from './sendXhrThroughFetch.js';

/** The armed in-page fallback: what the page's API calls go through while it is the mode. */
export interface Fallback extends ApiCallAuthorizer {
  /** The page's own token session: same store, key and lock as the worker's. */
  session: TokenSession;
  /**
   * Hands the shopper to Digital River's hosted checkout from this page.
   *
   * @param checkoutUrl - the hand-off URL, whose query holds the options
   */
  checkout(checkoutUrl: URL): Promise<void>;
  /** Stops answering hand-off links (the worker took over and answers them itself). */
  disarm(): void;
}

/**
 * Arms the in-page fallback for pages the worker cannot serve (workers blocked, unsupported, or
 * the worker file missing). It uses the same core, IndexedDB session and Web Lock as the worker,
 * so the page and a later worker share one device. `fetch` calls and XHRs both go through the
 * core's authorized fetch, so both get the token, the 401 retry and the coded answers.
 *
 * It ships as a separate chunk, loaded only when needed; the host makes it the mode of its
 * {@link patchApiCalls} patch.
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
  const log = debugLog(config.debug);
  log?.(
    `fallback armed: this page attaches the token to calls to ${config.apiOrigins.join(' ')} itself`,
  );
  const { session, authorizedFetch, provider } = createInterceptorCore(config, {
    log,
    fetch: nativeFetch,
    locks: win.navigator.locks,
    monotonic: () => win.performance.now(),
    path: 'page',
    onSession: (info) => events.emit('session', info),
    onError: (error) => events.emit('error', error),
    askPage: (ask) => askThisPage(win, config, ask),
  });
  const report = (info: InterceptInfo) => events.emit('intercept', info);
  const send = (request: Request) => {
    // A keepalive call may be made as the page goes away (`pagehide`), when nothing the page
    // would do after its first wait still runs: with a token in memory it leaves at once. Not
    // followed through a redirect, and not retried after a 401: no page is left to do either.
    const token =
      request.keepalive && !request.headers.has(provider.authHeader) && session.tokenNow();
    if (!token) return authorizedFetch(request, report);
    log?.(`${request.method} ${describeUrl(request.url)}: keepalive, token attached at once`);
    return nativeFetch(withToken(provider, request, token)).then((response) => {
      report({ method: request.method, url: request.url, status: response.status, retried: false });
      return response;
    });
  };

  let armed = true;
  const checkout = (checkoutUrl: URL) => checkoutFromPage(win, config, session, checkoutUrl);
  // A plain link to the hand-off URL, which a worker would have answered: the page answers it.
  const checkoutPath = new URL(CHECKOUT_PATH, scope);
  win.document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!armed || !(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    const url = new URL(link.href);
    if (url.origin !== checkoutPath.origin || url.pathname !== checkoutPath.pathname) return;
    event.preventDefault();
    checkout(url).catch((error: unknown) => {
      logError(error);
      events.emit('error', toErrorInfo(error));
    });
  });

  return {
    session,
    fetch: send,
    xhr: (xhr, call) => sendXhrThroughFetch(xhr, call, send),
    checkout,
    disarm() {
      armed = false;
    },
  };
}
