import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createCorsPolicy } from '../cors/createCorsPolicy.js';
import type { EmulatorCors } from '../cors/EmulatorCors.js';
import { createEmulatorState } from '../createEmulatorState.js';
import { answerFault } from '../faults/answerFault.js';
import { appendToLog } from '../http/appendToLog.js';
import { createApiServer } from '../http/createApiServer.js';
import { echoedRequest } from '../http/echoedRequest.js';
import { headerValue } from '../http/headerValue.js';
import { listenOnLoopback } from '../http/listenOnLoopback.js';
import { openApiRequest } from '../http/openApiRequest.js';
import { RequestBodyTooLarge } from '../http/RequestBodyTooLarge.js';
import { sendJson } from '../http/sendJson.js';
import type { EmulatorRedirect } from '../redirects/EmulatorRedirect.js';
import { answerTokenEndpoint } from './answerTokenEndpoint.js';
import { bearerToken } from './bearerToken.js';
import { createShopperCartBook } from './cart/shopperCartBook.js';
import { matchShopperRoute } from './cart/shopperRoutes.js';
import { createHostedCheckout, HOSTED_CHECKOUT_PATH } from './checkout/hostedCheckout.js';
import type { HostedCheckoutView } from './checkout/hostedCheckoutPage.js';
import { createStoreHandler } from './createStoreHandler.js';
import { DigitalRiverApiError } from './DigitalRiverApiError.js';
import type { DigitalRiverCounters } from './DigitalRiverCounters.js';
import type { DigitalRiverEmulatorOptions } from './DigitalRiverEmulatorOptions.js';
import type { DigitalRiverRequestLogEntry } from './DigitalRiverRequestLogEntry.js';
import { digitalRiverControls } from './digitalRiverControls.js';
import {
  DIGITAL_RIVER_FAULT_ENDPOINTS,
  type DigitalRiverFault,
  type DigitalRiverFaultEndpoint,
  digitalRiverFaultShapes,
} from './digitalRiverFaults.js';
import { digitalRiverLogEntry } from './digitalRiverLogEntry.js';
import { createShopperTokens } from './shopperTokens.js';

/** A running emulator and the handles tests use to observe and steer it. */
export interface DigitalRiverEmulator {
  /** Where the store (the `SessionToken` site action) listens, such as `http://127.0.0.1:41234`. */
  storeOrigin: string;
  /** Where the token endpoint and the Shopper API listen. */
  apiOrigin: string;
  /** Stops both origins and ends every open connection. */
  close(): Promise<void>;
  /** Live counters; `reset()` zeroes them in place. */
  counters: DigitalRiverCounters;
  /** Live log of store, token and Shopper API requests, oldest first, capped at the latest 1000. */
  requestLog: DigitalRiverRequestLogEntry[];
  /** Changes the lifetime of access tokens issued from now on. @throws TypeError unless a whole number ≥ 1 */
  setAccessTokenLifetime(seconds: number): void;
  /** Makes every access token issued so far fail with 401 `invalid_token`; refresh tokens still work. */
  expireAccessTokens(): void;
  /** Makes every refresh token issued so far fail, so a client has to run `SessionToken` again. */
  revokeRefreshTokens(): void;
  /** Ends every shopper session so far: no session token issued until now can be exchanged again. */
  revokeSessionTokens(): void;
  /**
   * Changes the API origin's CORS answers: which page origins are allowed (the wildcard `'*'` as
   * Digital River documents, or mirrored), which extra request headers, credentials, and the
   * preflight cache time. Fields left out keep their value. Over HTTP: `POST /__emulator/cors`.
   * @throws TypeError for a malformed setting
   */
  setCors(cors: EmulatorCors): void;
  /**
   * Makes the next `times` requests to an endpoint misbehave: `session-token` (the store's
   * `SessionToken`), `token` (`oauth20/token`) or `cart` (every Shopper API call). `status429` and
   * `status503` carry `Retry-After` when the fault names `retryAfter`. Over HTTP:
   * `POST /__emulator/fault`.
   * @throws TypeError for a bad fault
   */
  injectFault(fault: DigitalRiverFault): void;
  /**
   * Answers requests to a path on the API origin with a redirect instead of serving it, before
   * authentication. Over HTTP: `POST /__emulator/redirect`. `reset()` removes every redirect.
   * @throws TypeError for a bad redirect
   */
  redirect(redirect: EmulatorRedirect): void;
  /** Replaces the server clock (milliseconds since the epoch), so expiry tests need no sleeps. */
  setNow(fn: () => number): void;
  /**
   * What the hosted checkout page (where `web-checkout` leads) showed each time, oldest first:
   * the cart's lines and total, and the options passed on. `reset()` empties it.
   */
  hostedCheckouts: HostedCheckoutView[];
  /** Zeroes the counters and clears the request log, pending faults and redirects; tokens and carts are kept. */
  reset(): void;
}

const ECHO_PATH = '/v1/shoppers/me/echo';

/**
 * Starts a local emulator of Digital River Global Commerce on two origins: a store serving the
 * `SessionToken` site action (JSONP, with its session cookie), and an API serving the OAuth token
 * endpoint and the Shopper API cart, with CORS for a storefront on a third origin. Optional test
 * controls count calls and expire or revoke tokens.
 *
 * @param options - where to listen and how to behave; all optional
 * @returns the running emulator, once both origins listen
 * @throws TypeError for a bad token lifetime
 * @example
 * const dr = await startDigitalRiverEmulator({ testControls: true });
 * const res = await fetch(`${dr.storeOrigin}/store/demoSite/SessionToken?format=json`);
 * const { session_token } = await res.json();
 * await dr.close();
 */
export async function startDigitalRiverEmulator(
  options: DigitalRiverEmulatorOptions = {},
): Promise<DigitalRiverEmulator> {
  const host = options.host ?? '127.0.0.1';
  const siteId = options.siteId ?? 'demoSite';
  const keys = options.apiKeys ?? ['demo-public-key'];
  const apiKeys = { has: (key: string) => key !== '' && (keys === 'any' || keys.includes(key)) };
  const testControls = options.testControls ?? false;
  const state = createEmulatorState<
    DigitalRiverFaultEndpoint,
    DigitalRiverFault,
    DigitalRiverRequestLogEntry,
    DigitalRiverCounters
  >(DIGITAL_RIVER_FAULT_ENDPOINTS, {
    sessionToken: 0,
    passwordGrants: 0,
    refreshGrants: 0,
    refreshRejected: 0,
    clientRejected: 0,
    cartCalls: 0,
    unauthorized: 0,
    preflights: 0,
    redirects: 0,
    storeRequestsWithAuth: 0,
    abandoned: 0,
  });
  const { now, counters, requestLog, faults, redirects } = state;

  // The public list of methods and headers, plus a max age (our addition): without it Chrome asks
  // again within seconds, and every call the worker re-issues with a token would cost a preflight.
  // Digital River documents `*`, which a browser refuses for any credentialed call; a storefront
  // sending `withCredentials` needs the origin mirrored, so that is the default and `*` (the
  // documented answer) is an option.
  const cors = createCorsPolicy({
    methods: 'GET, POST, PUT, DELETE',
    ownHeaders: ['Authorization', 'Content-Type', 'Accept'],
    exposeHeaders: [],
  });
  if (options.cors) cors.set(options.cors);
  const tokens = createShopperTokens({
    now: () => now(),
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 86397,
    sessionTokenReuse: options.sessionTokenReuse ?? true,
  });
  const tokenEndpoint = {
    tokens,
    apiKeys,
    requireClientId: options.requireClientId ?? true,
    counters,
  };
  const book = createShopperCartBook();
  let storeOrigin = '';
  const hostedCheckout = createHostedCheckout({
    tokens,
    book,
    siteId,
    storeOrigin: () => storeOrigin,
    now: () => now(),
  });

  function log(origin: 'store' | 'api', req: IncomingMessage, url: URL, raw: Buffer): void {
    appendToLog(requestLog, digitalRiverLogEntry(origin, req, url, raw));
  }

  function takeFault(
    endpoint: DigitalRiverFaultEndpoint,
    req: IncomingMessage,
    res: ServerResponse,
  ): boolean {
    const fault = faults.take(endpoint);
    if (fault) answerFault(fault, req, res, digitalRiverFaultShapes(endpoint));
    return fault !== undefined;
  }

  function shopperCall(req: IncomingMessage, res: ServerResponse, answer: (id: string) => unknown) {
    counters.cartCalls += 1;
    if (takeFault('cart', req, res)) return;
    let shopperId: string;
    try {
      // The JSONP-era samples sent `?token=`; the API still takes it.
      const presented =
        bearerToken(headerValue(req, 'authorization')) ??
        new URL(req.url ?? '/', 'http://api.invalid').searchParams.get('token') ??
        undefined;
      shopperId = tokens.shopperOf(presented);
    } catch (error) {
      counters.unauthorized += 1;
      throw error;
    }
    sendJson(res, 200, answer(shopperId));
  }

  function echo(req: IncomingMessage, raw: Buffer) {
    const scheme = headerValue(req, 'authorization')?.trim().split(/\s+/)[0];
    // The scheme shows how the client authorized; the token itself never goes back.
    return {
      ...echoedRequest(req, raw),
      authorization: scheme === undefined ? null : `${scheme} [redacted]`,
    };
  }

  const emulator: Omit<DigitalRiverEmulator, 'storeOrigin' | 'apiOrigin' | 'close'> = {
    counters,
    requestLog,
    hostedCheckouts: hostedCheckout.shown,
    setAccessTokenLifetime: (seconds) => tokens.setAccessTokenLifetime(seconds),
    expireAccessTokens: () => tokens.expireAccessTokens(),
    revokeRefreshTokens: () => tokens.revokeRefreshTokens(),
    revokeSessionTokens: () => tokens.revokeSessionTokens(),
    ...state.controls(cors, () => hostedCheckout.reset()),
  };

  const controls = digitalRiverControls(emulator);

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const opened = await openApiRequest(req, res, {
      cors,
      counters,
      controls: testControls ? controls : undefined,
      apiError: (status, message) =>
        status === 404
          ? new DigitalRiverApiError(404, 'resource-not-found', message)
          : new DigitalRiverApiError(status, 'invalid_request', message),
    });
    if (!opened) return;
    const { method, url, path, raw } = opened;
    log('api', req, url, raw);
    const redirect = redirects.take(method, path);
    if (redirect) {
      counters.redirects += 1;
      res.writeHead(redirect.status, { Location: redirect.location }).end();
      return;
    }
    if (path === '/oauth20/token') {
      if (!takeFault('token', req, res)) answerTokenEndpoint(req, res, url, raw, tokenEndpoint);
      return;
    }
    if (path.replace(/\/$/, '') === HOSTED_CHECKOUT_PATH) {
      hostedCheckout.postCheckout(req, res, url, raw);
      return;
    }
    if (testControls && method === 'POST' && path === ECHO_PATH) {
      shopperCall(req, res, () => echo(req, raw));
      return;
    }
    // The real Shopper API answers XML unless the client sends `Accept: application/json` or
    // `format=json`; clients always ask for JSON, so the emulator answers nothing else.
    const route = matchShopperRoute(method, path);
    if (route) {
      const body = raw.toString('utf8');
      shopperCall(req, res, (shopperId) =>
        route({ shopperId, query: url.searchParams, body, book }),
      );
      return;
    }
    throw new DigitalRiverApiError(404, 'resource-not-found', `No route for ${method} ${path}.`);
  }

  function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Server {
    return createApiServer(handle, counters, (error) => {
      if (error instanceof DigitalRiverApiError) return error;
      if (error instanceof RequestBodyTooLarge) {
        return new DigitalRiverApiError(413, 'invalid_request', error.message);
      }
      return new DigitalRiverApiError(500, 'internal_error', 'Internal server error.');
    });
  }

  const handleStore = createStoreHandler({
    siteId,
    apiKeys,
    tokens,
    hostedCheckout,
    counters,
    log: (req, url, raw) => log('store', req, url, raw),
    takeFault: (req, res) => takeFault('session-token', req, res),
  });
  const api = await listenOnLoopback(serve(handleApi), host, options.apiPort ?? 0);
  const store = await listenOnLoopback(serve(handleStore), host, options.storePort ?? 0).catch(
    async (error: unknown) => {
      await api.close();
      throw error;
    },
  );
  storeOrigin = store.origin;

  return {
    storeOrigin: store.origin,
    apiOrigin: api.origin,
    close: () => Promise.all([store.close(), api.close()]).then(() => undefined),
    ...emulator,
  };
}
