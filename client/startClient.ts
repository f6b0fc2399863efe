import { CHECKOUT_PATH } from '../core/checkout/CheckoutOptions.js';
import { debugLog } from '../core/DebugLog.js';
import { InterceptorError, toErrorInfo } from '../core/errors/errors.js';
import { fail } from '../core/protocol/protocol.js';
import type { ValidInstallOptions } from './config/validateInstallOptions.js';
import { createEmitter } from './events/createEmitter.js';
import { logError } from './events/logError.js';
import { reportToConsole } from './events/reportToConsole.js';
import type { Fallback } from './fallback/armFallback.js';
import { patchApiCalls, type SendKeepalive } from './patch/patchApiCalls.js';
import type { InterceptorEvents, SwTokenInterceptor } from './SwTokenInterceptor.js';
import { createHandOff } from './worker/createHandOff.js';
import { createHandshake } from './worker/createHandshake.js';
import { listenToWorker } from './worker/listenToWorker.js';
import { messageWorker } from './worker/messageWorker.js';
import { registerWorker } from './worker/registerWorker.js';
import { routesReachWorker } from './worker/routesReachWorker.js';
import { sendThroughWorker } from './worker/sendThroughWorker.js';
import { waitForControl } from './worker/waitForControl.js';

// API calls are held meanwhile, so a worker slower than this to take control is not waited for:
// the page fallback takes over, and steps aside when the worker arrives.
const CONTROL_TIMEOUT_MS = 5_000;
// session() may have to wait for a token, retries included.
const MESSAGE_TIMEOUT_MS = 15_000;

/** What the on-demand chunk (`sw-token-interceptor.fallback.js`) offers. */
export type PageChunk = typeof import('./fallbackChunk.js');

/** Loads the on-demand chunk, only on pages that need it. */
export type LoadPageChunk = () => Promise<PageChunk>;

/**
 * Registers the worker (unless the storefront hosts the interceptor in its own), waits for it to
 * control the page, and returns the page's handle. Where no worker can serve the page, arms the
 * in-page fallback instead.
 *
 * @param options - checked configuration
 * @param loadChunk - loads the on-demand chunk (the fallback, Digital River's page step)
 * @param win - the page's window
 * @returns the handle
 */
export function startClient(
  options: ValidInstallOptions,
  loadChunk: LoadPageChunk,
  win: Window & typeof globalThis = window,
): SwTokenInterceptor {
  const events = createEmitter<InterceptorEvents>();
  reportToConsole(events);
  const nativeFetch = win.fetch;
  const container = 'serviceWorker' in win.navigator ? win.navigator.serviceWorker : undefined;
  // The worker this page loaded under: its static routing rules stay the page's until it navigates.
  const loadedUnder = container?.controller;
  const loadedUnderOurs = options.registerWorker && loadedUnder?.scriptURL === options.scriptURL;
  // A page loaded uncontrolled takes the rules of the first worker that claims it, which may be
  // one registered for another configuration a moment before (another shop on this origin).
  let firstClaimedBy: ServiceWorker | undefined;
  // A page whose rules send API calls past the worker authorizes them itself until it navigates
  // (decision 014).
  const pageAuthorizes = () =>
    options.registerWorker && !routesReachWorker(loadedUnder ?? firstClaimedBy, options);
  const handshake = createHandshake();
  // Keepalive API calls go to the worker as a message: Firefox sends them past it (decision 019).
  // Only to a worker known to host the interceptor; any other would leave the call unsent.
  const pageSend = (request: Request) => nativeFetch.call(win, request);
  const handOff = createHandOff(win);
  const sendKeepalive: SendKeepalive = (request, body) => {
    const worker = container?.controller;
    return worker &&
      (options.registerWorker ? worker.scriptURL === options.scriptURL : handshake.hosts(worker))
      ? sendThroughWorker(handOff, worker, request, body, pageSend)
      : pageSend(request);
  };

  // The patch's mode is switched here alone. API calls made before `ready` are held, not sent
  // without the token (decision 002); then they pass, for a worker to authorize, or go through
  // the fallback, which hands them back to pass when a worker arrives. A page already under our
  // worker holds none: its calls reach the worker, which starts for them (decision 015), and
  // they pass for the page's whole life.
  const setMode = patchApiCalls(win, options.worker.apiOrigins, sendKeepalive);
  let fallback: Fallback | undefined;
  // From hold, or from the fallback, which stops answering hand-off links.
  const pass = () => {
    fallback?.disarm();
    fallback = undefined;
    setMode('pass');
  };
  // From hold; or from pass, when our worker took the held calls beside a handshake it then
  // failed: the fallback gets the calls the patch still sees (fetch; XHRs went back to the page).
  const useFallback = (armed: Fallback) => {
    fallback = armed;
    if (!loadedUnderOurs) setMode(armed);
  };
  if (loadedUnderOurs) setMode('pass');
  const log = debugLog(options.worker.debug);

  container?.addEventListener('controllerchange', () => {
    const worker = container.controller;
    firstClaimedBy ??= worker ?? undefined;
    // A new deployment took over, or the worker arrived after the fallback armed.
    if (!worker || (options.registerWorker && worker.scriptURL !== options.scriptURL)) return;
    handshake.greet(worker).then(
      () => {
        // The worker cannot see this page's calls: the fallback stays until the next navigation.
        if (!pageAuthorizes()) pass();
      },
      () => undefined,
    );
  });

  /**
   * Registers our worker (unless the storefront hosts the interceptor in its own) and waits for a
   * worker to control the page.
   *
   * @returns the worker in control, or undefined when this page must authorize its own calls
   */
  const takeControl = async (): Promise<ServiceWorker | undefined> => {
    if (!container) {
      throw new InterceptorError('WorkerUnavailable', 'this browser offers no service workers');
    }
    listenToWorker(container, events, (request) =>
      // The page step lives in the on-demand chunk; a chunk that cannot load is still an answer.
      loadChunk().then((chunk) => chunk.answerWorkerRequest(win, options.worker, request), fail),
    );
    // The page's first act: a worker the browser stopped starts now, not at the first call.
    if (loadedUnderOurs && loadedUnder) handshake.greet(loadedUnder).catch(() => undefined);
    if (options.registerWorker) await registerWorker(container, options.scriptURL, options.scope);
    if (pageAuthorizes()) return undefined;
    const worker = await waitForControl(
      container,
      options.registerWorker ? options.scriptURL : undefined,
      CONTROL_TIMEOUT_MS,
    );
    // Claimed first by a worker of another configuration while ours was on its way.
    return pageAuthorizes() ? undefined : worker;
  };

  const ready = (async () => {
    try {
      // Undefined when the page's routing rules send its calls past the worker (the fallback
      // logs that it armed).
      const worker = await takeControl();
      if (worker) {
        const greeting = handshake.greet(worker);
        // Our own worker's configuration is ours: held calls go now, beside the version handshake
        // (decision 015). Another worker proves it hosts the interceptor by answering it first.
        if (!options.registerWorker) await greeting;
        pass();
        await greeting;
        log?.(`worker in control: ${new URL(worker.scriptURL).pathname}`);
        return;
      }
    } catch (reason) {
      logError(reason, 'warn', '; authorizing API calls from the page instead');
    }
    let arm: PageChunk['armFallback'];
    try {
      arm = (await loadChunk()).armFallback;
    } catch {
      throw new InterceptorError('WorkerUnavailable', 'the page fallback could not be loaded');
    }
    useFallback(arm(win, options.worker, nativeFetch, events, options.scope));
  })();
  ready.catch((error: unknown) => {
    // Nothing will authorize the held calls: they go out as the page made them.
    pass();
    // Emitted, and so logged once by reportToConsole.
    events.emit('error', toErrorInfo(error));
  });

  const controller = () => {
    const worker = container?.controller;
    if (!worker) throw new InterceptorError('WorkerUnavailable', 'the page lost its worker');
    return worker;
  };

  return {
    ready,
    session: async () => {
      await ready;
      if (fallback) return fallback.session.info();
      return messageWorker(controller(), { type: 'session' }, MESSAGE_TIMEOUT_MS);
    },
    clear: async () => {
      await ready;
      if (fallback) return fallback.session.clear();
      await messageWorker(controller(), { type: 'clear' }, MESSAGE_TIMEOUT_MS);
    },
    checkout: async (checkoutOptions = {}) => {
      await ready;
      const checkoutUrl = new URL(CHECKOUT_PATH, options.scope);
      checkoutUrl.search = new URLSearchParams(
        checkoutOptions as Record<string, string>,
      ).toString();
      if (fallback) return fallback.checkout(checkoutUrl);
      await messageWorker(
        controller(),
        { type: 'checkout', search: checkoutUrl.search },
        MESSAGE_TIMEOUT_MS,
      );
      // A new history entry: back from the hosted checkout returns here. The hand-off document
      // moves on while it loads, which replaces its own entry, so it is never gone back to.
      win.location.assign(checkoutUrl.href);
    },
    on: events.on,
  };
}
