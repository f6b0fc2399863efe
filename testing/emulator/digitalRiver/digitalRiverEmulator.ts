import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createCorsPolicy } from '../cors/createCorsPolicy.js';
import type { EmulatorCors } from '../cors/EmulatorCors.js';
import { createEmulatorState } from '../createEmulatorState.js';
import { answerFault } from '../faults/answerFault.js';
import type { ControlTable } from '../http/answerControl.js';
import { appendToLog } from '../http/appendToLog.js';
import { createApiServer } from '../http/createApiServer.js';
import { headerValue } from '../http/headerValue.js';
import { listenOnLoopback } from '../http/listenOnLoopback.js';
import { openApiRequest } from '../http/openApiRequest.js';
import { RequestBodyTooLarge } from '../http/RequestBodyTooLarge.js';
import { readBody } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import type { EmulatorRedirect } from '../redirects/EmulatorRedirect.js';
import { DigitalRiverApiError, TOKEN_RELATION } from './DigitalRiverApiError.js';
import {
  DIGITAL_RIVER_FAULT_ENDPOINTS,
  type DigitalRiverFault,
  type DigitalRiverFaultEndpoint,
  digitalRiverFaultShapes,
} from './digitalRiverFaults.js';
import { createHostedCheckout, HOSTED_CHECKOUT_PATH } from './hostedCheckout.js';
import type { HostedCheckoutView } from './hostedCheckoutPage.js';
import { JSONP_CALLBACK, wrapJsonp } from './jsonp.js';
import { redactShopperTokens } from './redactShopperTokens.js';
import { createShopperCartBook } from './shopperCartBook.js';
import { matchShopperRoute } from './shopperRoutes.js';
import { createShopperTokens, type DigitalRiverToken } from './shopperTokens.js';

export { unwrapJsonp } from './jsonp.js';

/** How to start the emulator. Every field is optional. */
export interface DigitalRiverEmulatorOptions {
  /** Interface to bind both origins to; loopback by default so nothing outside can reach them. */
  host?: string;
  /** Port of the store origin; 0 (the default) picks a free one. */
  storePort?: number;
  /** Port of the API origin; 0 (the default) picks a free one. */
  apiPort?: number;
  /** The one site the store serves, as in `/store/{siteId}/SessionToken`; `demoSite` by default. */
  siteId?: string;
  /**
   * Public API keys `SessionToken` accepts, and `oauth20/token` accepts as the client's
   * identification (`'any'`: every non-empty key, so a storefront's suite can run with its real
   * key); `['demo-public-key']` by default.
   */
  apiKeys?: string[] | 'any';
  /**
   * Whether `oauth20/token` answers 401 `invalid_client` unless the client identifies itself with
   * a known API key: HTTP Basic with the key as the user name (the docs' way for public apps), or
   * `client_id` in the form or the query (the samples' way). On by default, like the real API.
   */
  requireClientId?: boolean;
  /**
   * Whether a session token may be exchanged again after its first exchange, for the life of the
   * shopper session, as Digital River's reference shop relies on; `true` by default. `false`
   * makes each session token single-use.
   */
  sessionTokenReuse?: boolean;
  /** Lifetime of each access token; 86397 s by default, the value in Digital River's samples. */
  accessTokenLifetimeSeconds?: number;
  /** CORS answers of the API origin at start; see {@link EmulatorCors}. `setCors()` changes them later. */
  cors?: EmulatorCors;
  /** Enables the `/__emulator/*` routes and `POST /v1/shoppers/me/echo`; off by default. */
  testControls?: boolean;
}

/** What the emulator has seen since it started or was last reset. */
export interface DigitalRiverCounters {
  /** Every `SessionToken` request to the store, whatever its outcome. */
  sessionToken: number;
  /** Every `grant_type=password` request to the token endpoint, whatever its outcome. */
  passwordGrants: number;
  /** Every `grant_type=refresh_token` request to the token endpoint, whatever its outcome. */
  refreshGrants: number;
  /** Refresh grants refused with 401 because the refresh token was rotated, revoked or unknown. */
  refreshRejected: number;
  /** Token requests refused with 401 `invalid_client`: no client identification, or an unknown key. */
  clientRejected: number;
  /** Every request to a Shopper API route (including the echo route), whatever its outcome. */
  cartCalls: number;
  /** Shopper API calls refused with 401 for a missing, unknown or expired access token. */
  unauthorized: number;
  /** `OPTIONS` requests to the API origin. */
  preflights: number;
  /** Requests answered with a redirect set by `redirect()`. */
  redirects: number;
  /** Requests to the store origin that carried an `Authorization` header (a client should send none). */
  storeRequestsWithAuth: number;
  /** Requests on either origin whose client closed the connection before the answer (aborted calls). */
  abandoned: number;
}

/** One request as the emulator saw it; tokens are redacted from every field. */
export interface DigitalRiverRequestLogEntry {
  origin: 'store' | 'api';
  method: string;
  /** Path and query string. */
  path: string;
  /** Whether an `Authorization` header arrived (its value is never kept). */
  hasAuth: boolean;
  contentType: string | null;
  /** The raw body decoded as UTF-8. */
  body: string;
}

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

const SCRIPT_TYPE = 'text/javascript; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const SESSION_COOKIE = 'DRSESSION';
const SESSION_TOKEN_PATH = /^\/store\/([^/]+)\/SessionToken\/?$/;
const ECHO_PATH = '/v1/shoppers/me/echo';

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': TEXT_TYPE }).end(text);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (headerValue(req, 'cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** @returns the token of a `bearer` header (any case), or `undefined` for any other shape */
function bearerToken(authorization: string | undefined): string | undefined {
  return /^bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
}

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
  const requireClientId = options.requireClientId ?? true;
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
    const authorization = headerValue(req, 'authorization');
    const presented = bearerToken(authorization) ?? authorization?.trim();
    appendToLog(requestLog, {
      origin,
      method: req.method ?? 'GET',
      path: redactShopperTokens(url.pathname + url.search, presented),
      hasAuth: authorization !== undefined,
      contentType: headerValue(req, 'content-type') ?? null,
      body: redactShopperTokens(raw.toString('utf8'), presented),
    });
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

  function sessionToken(req: IncomingMessage, res: ServerResponse, url: URL, site: string) {
    counters.sessionToken += 1;
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET', 'Content-Type': TEXT_TYPE }).end('Method not allowed');
      return;
    }
    // A 404 makes the page's script tag fail to load, which is how a browser learns of it.
    if (site !== siteId) return sendText(res, 404, 'Not found');
    const callback = url.searchParams.get('callback');
    if (callback !== null && !JSONP_CALLBACK.test(callback)) {
      return sendText(res, 400, 'Invalid callback name');
    }
    // Cross-site script loads usually arrive without the cookie; then this is a new shopper.
    const session = tokens.storeSession(cookieValue(req, SESSION_COOKIE));
    if (session.created) {
      res.setHeader(
        'Set-Cookie',
        `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`,
      );
    }
    const apiKey = url.searchParams.get('apiKey');
    let status = 200;
    let body: unknown;
    if (apiKey === null) {
      body = { session_token: tokens.issueSessionToken(session.id) };
    } else if (apiKeys.has(apiKey)) {
      body = tokens.grantForStoreSession(session.id);
    } else {
      status = 401;
      body = new DigitalRiverApiError(
        401,
        'invalid_client',
        'Invalid API key',
        TOKEN_RELATION,
      ).toBody();
    }
    // JSONP answers 200 whatever happened: a script with an error status never runs, and the
    // page's callback could not read the error.
    if (callback === null) return sendJson(res, status, body);
    res.writeHead(200, { 'Content-Type': SCRIPT_TYPE }).end(wrapJsonp(callback, body));
  }

  async function handleStore(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (headerValue(req, 'authorization') !== undefined) counters.storeRequestsWithAuth += 1;
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const raw = await readBody(req);
    log('store', req, url, raw);
    if (hostedCheckout.serveStore(req, res, url)) return;
    const match = SESSION_TOKEN_PATH.exec(url.pathname);
    let site: string | undefined;
    try {
      site = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    } catch {
      site = undefined;
    }
    if (site === undefined) return sendText(res, 404, 'Not found');
    if (takeFault('session-token', req, res)) {
      counters.sessionToken += 1;
      return;
    }
    sessionToken(req, res, url, site);
  }

  /** @returns the API key the client identified itself with, if any: Basic user name or `client_id` */
  function clientIdOf(req: IncomingMessage, form: URLSearchParams): string | undefined {
    const basic = /^basic\s+(\S+)$/i.exec(headerValue(req, 'authorization')?.trim() ?? '')?.[1];
    if (basic !== undefined) {
      return Buffer.from(basic, 'base64').toString('utf8').split(':')[0] || undefined;
    }
    return form.get('client_id') ?? undefined;
  }

  function tokenEndpoint(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): void {
    const invalid = (text: string) =>
      new DigitalRiverApiError(400, 'invalid_request', text, TOKEN_RELATION);
    if (req.method !== 'POST') throw invalid('The token endpoint takes POST.');
    // OAuth 2.0 (RFC 6749) defines form parameters only; refusing anything else here catches a
    // client that sends JSON before a real server does. Digital River's reference shop posts
    // every parameter in the query string with no body, and that is accepted too.
    const type = headerValue(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    const form = new URLSearchParams(url.search);
    for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) form.set(name, value);
    const grantType = form.get('grant_type');
    if (grantType === 'password') counters.passwordGrants += 1;
    if (grantType === 'refresh_token') counters.refreshGrants += 1;
    if (raw.length > 0 && type !== FORM_TYPE) throw invalid(`Send the parameters as ${FORM_TYPE}.`);
    const clientId = clientIdOf(req, form);
    if (requireClientId && (clientId === undefined || !apiKeys.has(clientId))) {
      counters.clientRejected += 1;
      // The token endpoint answers errors flat, as OAuth 2.0 and Digital River's WordPress plugin
      // read them.
      res.setHeader('WWW-Authenticate', 'Basic realm="oauth20"');
      sendJson(res, 401, {
        error: 'invalid_client',
        error_description: 'Client authentication failed: send the API key.',
      });
      return;
    }
    if (grantType === 'password') {
      const offered = form.get('dr_session_token');
      if (!offered) throw invalid('dr_session_token is required.');
      sendJson(res, 200, { token: tokens.exchangeSessionToken(offered) });
      return;
    }
    if (grantType === 'refresh_token') {
      const offered = form.get('refresh_token');
      if (!offered) throw invalid('refresh_token is required.');
      let token: DigitalRiverToken;
      try {
        token = tokens.refresh(offered);
      } catch (error) {
        counters.refreshRejected += 1;
        throw error;
      }
      sendJson(res, 200, token);
      return;
    }
    throw invalid('grant_type must be password or refresh_token.');
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
    const authorization = headerValue(req, 'authorization')?.trim();
    const scheme = authorization?.split(/\s+/)[0];
    return {
      contentType: headerValue(req, 'content-type') ?? null,
      body: raw.toString('utf8'),
      bodyBase64: raw.toString('base64'),
      // The scheme shows how the client authorized; the token itself never goes back.
      authorization: scheme === undefined ? null : `${scheme} [redacted]`,
    };
  }

  function setAccessTokenLifetime(seconds: number): void {
    tokens.setAccessTokenLifetime(seconds);
  }

  const shared = state.controls(cors, () => hostedCheckout.reset());

  const controls: ControlTable = {
    'POST /__emulator/reset': () => shared.reset(),
    'GET /__emulator/counters': () => counters,
    'GET /__emulator/log': () => requestLog,
    'GET /__emulator/hosted-checkouts': () => hostedCheckout.shown,
    'POST /__emulator/token-lifetime': (body) =>
      setAccessTokenLifetime((body as { seconds?: number }).seconds as number),
    'POST /__emulator/expire-access': () => tokens.expireAccessTokens(),
    'POST /__emulator/revoke-refresh': () => tokens.revokeRefreshTokens(),
    'POST /__emulator/revoke-session': () => tokens.revokeSessionTokens(),
    'POST /__emulator/fault': (body) => faults.add(body),
    'POST /__emulator/redirect': (body) => redirects.add(body),
    'POST /__emulator/cors': (body) => cors.set(body as EmulatorCors),
  };

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
      if (!takeFault('token', req, res)) tokenEndpoint(req, res, url, raw);
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
      shopperCall(req, res, (shopperId) =>
        route({ shopperId, query: url.searchParams, body: raw.toString('utf8'), book }),
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

  const storeServer = serve(handleStore);
  const apiServer = serve(handleApi);
  const api = await listenOnLoopback(apiServer, host, options.apiPort ?? 0);
  const store = await listenOnLoopback(storeServer, host, options.storePort ?? 0).catch(
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
    counters,
    requestLog,
    hostedCheckouts: hostedCheckout.shown,
    setAccessTokenLifetime,
    expireAccessTokens: () => tokens.expireAccessTokens(),
    revokeRefreshTokens: () => tokens.revokeRefreshTokens(),
    revokeSessionTokens: () => tokens.revokeSessionTokens(),
    ...shared,
  };
}
