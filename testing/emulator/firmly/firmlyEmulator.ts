import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { redactTokens } from '../redactTokens.js';
import type { EmulatorRedirect } from '../redirects/EmulatorRedirect.js';
import { answerBrowserSession } from './browserSession.js';
import { createCartBook } from './cart/cartBook.js';
import { matchCartRoute } from './cart/cartRoutes.js';
import { createDeviceSessions } from './deviceSessions.js';
import { FirmlyApiError } from './FirmlyApiError.js';
import type { FirmlyEmulatorCounters } from './FirmlyEmulatorCounters.js';
import type { FirmlyEmulatorOptions } from './FirmlyEmulatorOptions.js';
import { firmlyControls } from './firmlyControls.js';
import {
  type EmulatorFault,
  type FaultEndpoint,
  FIRMLY_FAULT_ENDPOINTS,
  firmlyFaultShapes,
} from './firmlyFaults.js';
import { matchOtpRoute } from './matchOtpRoute.js';
import type { RequestLogEntry } from './RequestLogEntry.js';
import { createTokenMint } from './tokenMint.js';

/** A running emulator and the handles tests use to observe and steer it. */
export interface FirmlyEmulator {
  /** Where the emulator listens, such as `http://127.0.0.1:41234`. */
  origin: string;
  /** Stops listening and ends every open connection, including ones a `timeout` fault holds. */
  close(): Promise<void>;
  /** Live counters; `reset()` zeroes them in place. */
  counters: FirmlyEmulatorCounters;
  /** Live log of cart calls (and redirected requests), oldest first, capped at the most recent 1000. */
  requestLog: RequestLogEntry[];
  /** Changes the lifetime of tokens issued from now on. @throws TypeError unless a whole number ≥ 1 */
  setTokenLifetime(seconds: number): void;
  /** Changes how long after expiry a token may still be renewed. @throws TypeError unless a whole number ≥ 1 */
  setRenewWindow(seconds: number): void;
  /**
   * Changes the CORS answers, to test a storefront against a stricter API: which page origins are
   * allowed, which extra request headers, credentials, and the preflight cache time. Fields left
   * out keep their value. Over HTTP: `POST /__emulator/cors`.
   * @throws TypeError for a malformed setting
   */
  setCors(cors: EmulatorCors): void;
  /**
   * Makes the next `times` requests to an endpoint misbehave; `status429` and `status503` carry
   * `Retry-After` when the fault names `retryAfter`. Over HTTP: `POST /__emulator/fault`.
   * @throws TypeError for a bad fault
   */
  injectFault(fault: EmulatorFault): void;
  /**
   * Answers requests to a path with a redirect instead of serving it, before authentication.
   * Over HTTP: `POST /__emulator/redirect`. `reset()` removes every redirect.
   * @throws TypeError for a bad redirect
   * @example
   * // An API call moved to another origin: does the token follow it?
   * firmly.redirect({ path: '/api/v2/domains/shop.example/cart', status: 307, location: `${other.origin}/api/v2/domains/shop.example/cart` });
   */
  redirect(redirect: EmulatorRedirect): void;
  /**
   * Revokes a device: its tokens get 401 `InvalidToken` on cart calls and 401 `TokenExpired` on
   * renewal, so a client has to start a fresh session with a new device.
   */
  revokeDevice(deviceId: string): void;
  /** Replaces the server clock (milliseconds since the epoch), so expiry tests need no sleeps. */
  setNow(fn: () => number): void;
  /** Zeroes the counters and clears the request log, pending faults and redirects. */
  reset(): void;
}

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Starts a local emulator of the Firmly Cart API: browser sessions with RS256 tokens (issue,
 * renewal, expiry, revocation, the `fsession_v2` cookie), CORS for a storefront on another origin,
 * optional test controls for counting calls, injecting faults and redirecting calls, and the cart
 * endpoints Firmly documents (v2 and v1 carts, shipping info, promo codes, the active carts) on
 * flat prices: no shipping rates, tax or discounts (decision 020).
 *
 * @param options - where to listen and how to behave; all optional
 * @returns the running emulator, once it is listening
 * @throws TypeError for a bad lifetime, window or CORS setting
 * @example
 * const api = await startFirmlyEmulator({ testControls: true });
 * const res = await fetch(`${api.origin}/api/v1/browser-session`, {
 *   method: 'POST',
 *   headers: { 'x-firmly-app-id': 'demo-app' },
 * });
 * await api.close();
 */
export async function startFirmlyEmulator(
  options: FirmlyEmulatorOptions = {},
): Promise<FirmlyEmulator> {
  const host = options.host ?? '127.0.0.1';
  const testControls = options.testControls ?? false;
  const state = createEmulatorState<
    FaultEndpoint,
    EmulatorFault,
    RequestLogEntry,
    FirmlyEmulatorCounters
  >(FIRMLY_FAULT_ENDPOINTS, {
    browserSession: 0,
    renewals: 0,
    devicesCreated: 0,
    cartCalls: 0,
    unauthorized: 0,
    preflights: 0,
    redirects: 0,
    abandoned: 0,
  });
  const { now, counters, requestLog, faults, redirects } = state;

  const sessions = createDeviceSessions({
    now: () => now(),
    mint: await createTokenMint(),
    appIds: options.appIds ?? 'any',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    renewWindowSeconds: options.renewWindowSeconds ?? 7 * 24 * 3600,
  });
  // Firmly's own client sends every call with credentials, so the real API has to mirror the
  // origin and allow credentials; the requested headers are mirrored so a storefront's own
  // header (tracing, say) passes until a test restricts it.
  const cors = createCorsPolicy({
    methods: 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
    ownHeaders: [
      'x-firmly-authorization',
      'x-firmly-app-id',
      'content-type',
      'x-firmly-request-id',
    ],
    exposeHeaders: ['x-firmly-request-id'],
  });
  if (options.cors) cors.set(options.cors);
  const book = createCartBook();

  function log(req: IncomingMessage, url: URL, raw: Buffer, presented: string | undefined) {
    appendToLog(requestLog, {
      method: req.method ?? 'GET',
      path: redactTokens(url.pathname + url.search, presented),
      origin: headerValue(req, 'origin') ?? null,
      hasAuth: presented !== undefined,
      contentType: headerValue(req, 'content-type') ?? null,
      body: redactTokens(raw.toString('utf8'), presented),
    });
  }

  function takeFault(endpoint: FaultEndpoint, req: IncomingMessage, res: ServerResponse): boolean {
    const fault = faults.take(endpoint);
    if (fault) answerFault(fault, req, res, firmlyFaultShapes(endpoint));
    return fault !== undefined;
  }

  async function cartCall(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    raw: Buffer,
    answer: (deviceId: string) => unknown,
  ) {
    counters.cartCalls += 1;
    const presented = headerValue(req, 'x-firmly-authorization')?.trim() || undefined;
    log(req, url, raw, presented);
    if (takeFault('cart', req, res)) return;
    let deviceId: string;
    try {
      deviceId = (await sessions.authenticate(presented)).device_id;
    } catch (error) {
      counters.unauthorized += 1;
      throw error;
    }
    sendJson(res, 200, answer(deviceId));
  }

  const emulator: Omit<FirmlyEmulator, 'origin' | 'close'> = {
    counters,
    requestLog,
    setTokenLifetime: (seconds) => sessions.setTokenLifetime(seconds),
    setRenewWindow: (seconds) => sessions.setRenewWindow(seconds),
    revokeDevice: (deviceId) => sessions.revokeDevice(deviceId),
    ...state.controls(cors),
  };

  const controls = firmlyControls(emulator);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = headerValue(req, 'x-firmly-request-id');
    res.setHeader(
      'x-firmly-request-id',
      requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    );
    const opened = await openApiRequest(req, res, {
      cors,
      counters,
      controls: testControls ? controls : undefined,
      apiError: (status, message) =>
        new FirmlyApiError(status, status === 404 ? 'NotFound' : 'InvalidControl', message),
    });
    if (!opened) return;
    const { method, url, path, raw } = opened;
    const redirect = redirects.take(method, path);
    if (redirect) {
      counters.redirects += 1;
      log(req, url, raw, headerValue(req, 'x-firmly-authorization')?.trim() || undefined);
      res.writeHead(redirect.status, { Location: redirect.location }).end();
      return;
    }
    if (method === 'POST' && path === '/api/v1/browser-session') {
      counters.browserSession += 1;
      if (!takeFault('browser-session', req, res)) {
        await answerBrowserSession(req, res, raw, sessions, counters);
      }
      return;
    }
    if (testControls && method === 'POST' && path === '/api/v2/echo') {
      await cartCall(req, res, url, raw, () => echoedRequest(req, raw));
      return;
    }
    const route = matchCartRoute(method, path) ?? matchOtpRoute(method, path);
    if (route) {
      await cartCall(req, res, url, raw, (deviceId) =>
        route({ deviceId, body: raw.toString('utf8'), book }),
      );
      return;
    }
    throw new FirmlyApiError(404, 'NotFound', `No route for ${method} ${path}.`);
  }

  const server = createApiServer(handle, counters, (error) => {
    if (error instanceof FirmlyApiError) return error;
    if (error instanceof RequestBodyTooLarge) {
      return new FirmlyApiError(413, 'PayloadTooLarge', error.message);
    }
    return new FirmlyApiError(500, 'InternalServerError', 'Internal server error.');
  });

  const { origin, close } = await listenOnLoopback(server, host, options.port ?? 0);
  return { origin, close, ...emulator };
}
