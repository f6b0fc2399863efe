import { CHECKOUT_PATH } from '../core/checkout/CheckoutOptions.js';
import { debugLog } from '../core/DebugLog.js';
import { InterceptorError, toErrorInfo } from '../core/errors/errors.js';
import { fail, isWorkerEvent, isWorkerRequest } from '../core/protocol/protocol.js';
import { VERSION } from '../core/version.js';
import type { ValidInstallOptions } from './config/validateInstallOptions.js';
import { createEmitter } from './events/createEmitter.js';
import { logError } from './events/logError.js';
import { reportToConsole } from './events/reportToConsole.js';
import type { Fallback } from './fallback/armFallback.js';
import { patchApiCalls, type SendKeepalive, type SetApiCallMode } from './patch/patchApiCalls.js';
import type { InterceptorEvents, SwTokenInterceptor } from './SwTokenInterceptor.js';
import { messageWorker } from './worker/messageWorker.js';
import { routesReachWorker } from './worker/routesReachWorker.js';
import { sendThroughWorker } from './worker/sendThroughWorker.js';
import { waitForControl } from './worker/waitForControl.js';

// API calls are held meanwhile, so a worker slower than this to take control is not waited for:
// the page fallback takes over, and steps aside when the worker arrives.
const CONTROL_TIMEOUT_MS = 5_000;
// A controlling worker that does not answer this quickly does not host the interceptor.
const HELLO_TIMEOUT_MS = 2_000;
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
  let fallback: Fallback | undefined;
  // The worker this page loaded under: its static routing rules stay the page's until it navigates.
  const loadedUnder = container?.controller;
  const loadedUnderOurs = options.registerWorker && loadedUnder?.scriptURL === options.scriptURL;
  // A page loaded uncontrolled takes the rules of the first worker that claims it, which may be
  // one registered for another configuration a moment before (another shop on this origin).
  let firstClaimedBy: ServiceWorker | undefined;
  container?.addEventListener('controllerchange', () => {
    firstClaimedBy ??= container.controller ?? undefined;
  });
  // A page whose rules send API calls past the worker authorizes them itself until it navigates
  // (decision 014).
  const pageAuthorizes = () =>
    options.registerWorker && !routesReachWorker(loadedUnder ?? firstClaimedBy, options);
  // Workers that answered the handshake: they host the interceptor.
  const hosts = new WeakSet<ServiceWorker>();
  // Keepalive API calls go to the worker as a message: Firefox sends them past it (decision 019).
  // Only to a worker known to host the interceptor; any other would leave the call unsent.
  const pageSend = (request: Request) => nativeFetch.call(win, request);
  const sendKeepalive: SendKeepalive = (request, body) => {
    const worker = container?.controller;
    return worker &&
      (options.registerWorker ? worker.scriptURL === options.scriptURL : hosts.has(worker))
      ? sendThroughWorker(worker, request, body, pageSend)
      : pageSend(request);
  };
  // API calls made before `ready` are held, not sent without the token (decision 002). A page
  // already under our worker holds none: its calls reach the worker, which starts for them.
  const patch = patchApiCalls(win, options.worker.apiOrigins, sendKeepalive);
  if (loadedUnderOurs) patch('pass');
  const setMode: SetApiCallMode = loadedUnderOurs ? () => undefined : patch;
  const log = debugLog(options.worker.debug);

  // One handshake per worker, however many paths (start-up, controllerchange) ask for it.
  const greetings = new WeakMap<ServiceWorker, Promise<void>>();
  const greet = (worker: ServiceWorker) => {
    let greeting = greetings.get(worker);
    if (!greeting) {
      greeting = hello(worker);
      greetings.set(worker, greeting);
    }
    return greeting;
  };
  const hello = async (worker: ServiceWorker) => {
    const { version } = await messageWorker(
      worker,
      { type: 'hello', version: VERSION },
      HELLO_TIMEOUT_MS,
    );
    hosts.add(worker);
    if (version !== VERSION) {
      logError(
        new InterceptorError('VersionMismatch', `page ${VERSION}, worker ${version}`),
        'warn',
        '; redeploy both files together',
      );
    }
  };

  /** @returns false when the worker is registered but this page must authorize its own calls */
  const viaWorker = async (): Promise<boolean> => {
    if (!container) {
      throw new InterceptorError('WorkerUnavailable', 'this browser offers no service workers');
    }
    container.addEventListener('message', (event) => {
      const data: unknown = event.data;
      if (isWorkerRequest(data)) {
        const port = event.ports[0];
        // The page step lives in the on-demand chunk; a chunk that cannot load is still an answer.
        loadChunk()
          .then((chunk) => chunk.answerWorkerRequest(win, options.worker, data), fail)
          .then((reply) => port?.postMessage(reply));
        return;
      }
      if (!isWorkerEvent(data)) return;
      if (data.type === 'session') events.emit('session', data.session);
      else if (data.type === 'error') events.emit('error', data.error);
      else for (const intercept of data.intercepts) events.emit('intercept', intercept);
    });
    container.addEventListener('controllerchange', () => {
      const worker = container.controller;
      // A new deployment took over, or the worker arrived after the fallback armed.
      if (!worker || (options.registerWorker && worker.scriptURL !== options.scriptURL)) return;
      greet(worker).then(
        () => {
          // The worker cannot see this page's calls: the fallback stays until the next navigation.
          if (pageAuthorizes()) return;
          fallback?.disarm();
          fallback = undefined;
          setMode('pass');
        },
        () => undefined,
      );
    });
    container.startMessages();
    // The page's first act: a worker the browser stopped starts now, not at the first call.
    if (loadedUnderOurs && loadedUnder) greet(loadedUnder).catch(() => undefined);
    if (options.registerWorker) {
      let registration: ServiceWorkerRegistration | undefined;
      try {
        // Registered at once, not at the page's load event: the first cart call must not wait.
        registration = await container.register(options.scriptURL, { scope: options.scope });
      } catch {
        throw new InterceptorError(
          'WorkerUnavailable',
          `registering ${options.scriptURL.split('?')[0]} failed`,
        );
      }
      // Some hosts (policies, automation with workers blocked) resolve without a registration.
      if (!registration) {
        throw new InterceptorError('WorkerUnavailable', 'the browser refused the registration');
      }
    }
    if (pageAuthorizes()) return false;
    const worker = await waitForControl(
      container,
      options.registerWorker ? options.scriptURL : undefined,
      CONTROL_TIMEOUT_MS,
    );
    // Claimed first by a worker of another configuration while ours was on its way.
    if (pageAuthorizes()) return false;
    // Our own worker's configuration is ours: held calls go now, beside the version handshake
    // (decision 015). Another worker proves it hosts the interceptor by answering it first.
    if (options.registerWorker) setMode('pass');
    await greet(worker);
    log?.(`worker in control: ${new URL(worker.scriptURL).pathname}`);
    return true;
  };

  const ready = (async () => {
    try {
      // Otherwise the page's routing rules send its calls past the worker (the fallback logs that it armed).
      if (await viaWorker()) {
        setMode('pass');
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
    fallback = arm(win, options.worker, nativeFetch, events, options.scope);
    setMode(fallback);
  })();
  ready.catch((error: unknown) => {
    // Nothing will authorize the held calls: they go out as the page made them.
    setMode('pass');
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
