import type { InterceptInfo } from '../core/calls/InterceptInfo.js';
import { apiRequestVerdict } from '../core/calls/isApiRequest.js';
import { sendHandedCall } from '../core/calls/sendHandedCall.js';
import { takeHandOff } from '../core/calls/takeHandOff.js';
import { CHECKOUT_PATH, readCheckoutOptions } from '../core/checkout/CheckoutOptions.js';
import { checkoutUnsupported } from '../core/checkout/checkoutUnsupported.js';
import type { WorkerConfig } from '../core/config/WorkerConfig.js';
import { createInterceptorCore } from '../core/createInterceptorCore.js';
import { debugLog, describeUrl } from '../core/DebugLog.js';
import {
  answer,
  type Handlers,
  isOurMessage,
  isPageRequest,
  OPAQUE_REDIRECT_HEADER,
  type PageRequest,
  PROTOCOL_TAG,
  type ReplyValues,
  type WorkerEvent,
} from '../core/protocol/protocol.js';
import { VERSION } from '../core/version.js';
import { answerCheckoutNavigation } from './checkout/answerCheckoutNavigation.js';
import { askControlledPage } from './pages/askControlledPage.js';
import { createInterceptReporter } from './pages/createInterceptReporter.js';
import type { AddRoutes, WorkerRoute } from './routing/WorkerRoute.js';

// Every method an API call can use (browsers send CORS preflights themselves, past the worker).
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Starts intercepting in a service worker: routes for the API origin, and answers to page
 * messages. Install and activate handling are left to the caller, so a storefront's own worker
 * can host the interception without giving up its lifecycle.
 *
 * @param scope - the worker's global scope
 * @param config - validated configuration
 * @param addRoutes - the host's router: a fetch listener of our own, or Workbox's
 */
export function startValidatedInterceptor(
  scope: ServiceWorkerGlobalScope,
  config: WorkerConfig,
  addRoutes: AddRoutes,
): void {
  const broadcast = (event: WorkerEvent) =>
    scope.clients
      .matchAll({ type: 'window', includeUncontrolled: true })
      .then((windows) => {
        for (const client of windows) client.postMessage(event);
      })
      .catch(() => undefined);

  const log = debugLog(config.debug);
  const { session, authorizedFetch } = createInterceptorCore(config, {
    log,
    fetch: (input, init) => scope.fetch(input, init),
    locks: scope.navigator.locks,
    monotonic: () => scope.performance.now(),
    path: 'worker',
    onSession: (info) => void broadcast({ tag: PROTOCOL_TAG, type: 'session', session: info }),
    onError: (error) => void broadcast({ tag: PROTOCOL_TAG, type: 'error', error }),
    askPage: askControlledPage(scope),
  });
  // Started with the worker, so the first call after a start finds the token in memory.
  session.preload();

  log?.(`worker started: the token goes to ${config.apiOrigins.join(' ')} and nowhere else`);
  const report = createInterceptReporter(scope.clients);
  const routes: WorkerRoute[] = [
    {
      methods: METHODS,
      match: (url, request) => {
        const verdict = apiRequestVerdict({ url, mode: request.mode }, config.apiOrigins);
        if (log && verdict !== 'match') {
          const why =
            verdict === 'no-cors' ? 'no-cors (a worker cannot add headers to it)' : verdict;
          log(`${request.method} ${describeUrl(url)}: not matched, passed through (${why})`);
        }
        return verdict === 'match';
      },
      handle: (request, event) => {
        // The page asks for the opaque redirect a handed call was answered with (decision 019).
        if (request.redirect === 'manual' && request.headers.has(OPAQUE_REDIRECT_HEADER)) {
          // With the CORS header a network answer would need: WebKit checks it on a worker's too.
          const headers = { location: request.url, 'access-control-allow-origin': '*' };
          return Promise.resolve(new Response(null, { status: 302, headers }));
        }
        const { clientId } = event;
        // Told only to the page that made the call, batched and off the response's path.
        return authorizedFetch(
          request,
          clientId ? (info) => event.waitUntil(report(clientId, info)) : undefined,
        );
      },
    },
  ];

  if (config.provider === 'digitalriver') {
    // The hand-off URL, on this worker's own origin and scope; a plain link can lead there.
    const checkoutUrl = new URL(CHECKOUT_PATH, scope.registration.scope);
    const answerCheckout = answerCheckoutNavigation(config, session, scope.registration.scope, log);
    routes.push({
      methods: ['GET'],
      match: (url) => url.origin === checkoutUrl.origin && url.pathname === checkoutUrl.pathname,
      handle: (request) => answerCheckout(request),
    });
  }
  addRoutes(routes);

  const handlers: Handlers<PageRequest, ReplyValues> = {
    hello: async ({ version }) => {
      // The page warns its console; the worker says it too, where debug lines are read.
      if (version !== VERSION) log?.(`page ${version} talks to worker ${VERSION}: redeploy both`);
      return { version: VERSION };
    },
    session: () => session.info(),
    clear: async () => {
      await session.clear();
      return null;
    },
    claim: async () => {
      // A Shift-reload leaves the page uncontrolled while this worker is active.
      await scope.clients.claim();
      return null;
    },
    checkout: async ({ search }) => {
      if (config.provider !== 'digitalriver') throw checkoutUnsupported();
      readCheckoutOptions(new URLSearchParams(search));
      // Renewed now, if inside the margin, while the page that may have to run SessionToken is
      // open; the navigation that follows finds the token fresh in memory.
      await session.token();
      return null;
    },
    // A keepalive call the page's engine would send past this worker (decision 019), sent once:
    // by this worker once the page confirmed its claim, or by the page (decision 019).
    handOff: async ({ call, committed }, reportCall, port) => {
      const taking = takeHandOff(port, committed);
      try {
        return await sendHandedCall(call, config.apiOrigins, authorizedFetch, reportCall, () =>
          taking.mayGo(() => session.token()),
        );
      } finally {
        taking.done();
      }
    },
  };

  scope.addEventListener('message', (event) => {
    if (!isOurMessage(event.data)) return;
    const port = event.ports[0];
    const clientId = (event.source as Client | null)?.id;
    // Reported as fetch events are, and kept alive until delivered: the page may be gone by then.
    const reportCall = clientId
      ? (info: InterceptInfo) => event.waitUntil(report(clientId, info))
      : undefined;
    event.waitUntil(
      answer(handlers, event.data, isPageRequest, reportCall, port).then((r) =>
        port?.postMessage(r),
      ),
    );
  });
}
