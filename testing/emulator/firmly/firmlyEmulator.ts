import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiServer } from '../createApiServer.js';
import {
  createFaultQueue,
  type EmulatorFault,
  type FaultEndpoint,
  type FaultKind,
  parseFault,
} from '../faultQueue.js';
import { listenOnLoopback } from '../listenOnLoopback.js';
import { readBody } from '../readBody.js';
import { redactTokens } from '../redactTokens.js';
import { createCartBook } from './cartBook.js';
import { matchCartRoute } from './cartRoutes.js';
import { FirmlyApiError } from './FirmlyApiError.js';
import { createTokenMint, type TokenClaims } from './tokenMint.js';

/** How to start the emulator. Every field is optional. */
export interface FirmlyEmulatorOptions {
  /** Interface to bind; loopback by default so the emulator is never reachable from outside. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Application ids the browser-session endpoint accepts (`'any'`: every one); `['demo-app']` by default. */
  appIds?: string[] | 'any';
  /** Lifetime of each issued token; 3600 s by default, as Firmly documents. */
  tokenLifetimeSeconds?: number;
  /** How long after expiry a token may still be renewed; one week by default, as Firmly documents. */
  renewWindowSeconds?: number;
  /** Enables the `/__emulator/*` routes and `POST /api/v2/echo`; off by default. */
  testControls?: boolean;
}

/** What the emulator has seen since it started or was last reset. */
export interface FirmlyEmulatorCounters {
  /** Every `POST /api/v1/browser-session`, whatever its outcome. */
  browserSession: number;
  /** Browser sessions that renewed a token and kept its device. */
  renewals: number;
  /** Browser sessions that created a new device. */
  devicesCreated: number;
  /** Every request to a cart route (including the echo route), whatever its outcome. */
  cartCalls: number;
  /** Cart calls rejected with 401 for a missing or invalid token. */
  unauthorized: number;
  /** `OPTIONS` requests on any path. */
  preflights: number;
  /** Requests whose client closed the connection before the answer was sent (aborted calls). */
  abandoned: number;
}

/** One cart call as the emulator saw it; tokens are redacted from every field. */
export interface RequestLogEntry {
  method: string;
  /** Path and query string. */
  path: string;
  origin: string | null;
  /** Whether an `x-firmly-authorization` header arrived (its value is never kept). */
  hasAuth: boolean;
  contentType: string | null;
  /** The raw body decoded as UTF-8. */
  body: string;
}

/** A running emulator and the handles tests use to observe and steer it. */
export interface FirmlyEmulator {
  /** Where the emulator listens, such as `http://127.0.0.1:41234`. */
  origin: string;
  /** Stops listening and ends every open connection, including ones a `timeout` fault holds. */
  close(): Promise<void>;
  /** Live counters; `reset()` zeroes them in place. */
  counters: FirmlyEmulatorCounters;
  /** Live log of cart calls, oldest first, capped at the most recent 1000. */
  requestLog: RequestLogEntry[];
  /** Changes the lifetime of tokens issued from now on. @throws TypeError unless a whole number ≥ 1 */
  setTokenLifetime(seconds: number): void;
  /** Changes how long after expiry a token may still be renewed. @throws TypeError unless a whole number ≥ 1 */
  setRenewWindow(seconds: number): void;
  /**
   * Changes the CORS answers, to test a storefront against a stricter API: which page origins
   * are allowed (`'echo'`, the default, allows any), and the preflight cache time.
   */
  setCors(cors: { allowOrigins?: string[] | 'echo'; maxAgeSeconds?: number }): void;
  /** Makes the next `times` requests to an endpoint misbehave. @throws TypeError for a bad fault */
  injectFault(fault: EmulatorFault): void;
  /**
   * Revokes a device: its tokens get 401 `InvalidToken` on cart calls and 401 `TokenExpired` on
   * renewal, so a client has to start a fresh session with a new device.
   */
  revokeDevice(deviceId: string): void;
  /** Replaces the server clock (milliseconds since the epoch), so expiry tests need no sleeps. */
  setNow(fn: () => number): void;
  /** Zeroes the counters and clears the request log and pending faults. */
  reset(): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_LOG_ENTRIES = 1000;
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
  'Access-Control-Allow-Headers':
    'x-firmly-authorization, x-firmly-app-id, content-type, x-firmly-request-id',
  'Access-Control-Max-Age': '600',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': JSON_TYPE }).end(JSON.stringify(body));
}

function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status).end();
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// The browser-session endpoint documents `{error, message}`, the cart endpoints
// `{code, error, description}`; faults answer in the style of the endpoint they hit.
function errorBody(endpoint: FaultEndpoint, status: number, error: string, text: string): unknown {
  return endpoint === 'browser-session'
    ? { error, message: text }
    : { code: status, error, description: text };
}

function setCorsHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  allowOrigins: readonly string[] | 'echo',
): void {
  const origin = headerValue(req, 'origin');
  res.setHeader('Vary', 'Origin');
  // Echoing "null" would let any sandboxed document read credentialed answers.
  const allowed =
    allowOrigins === 'echo' || (origin !== undefined && allowOrigins.includes(origin));
  if (origin && origin !== 'null' && allowed) res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'x-firmly-request-id');
  const requestId = headerValue(req, 'x-firmly-request-id');
  res.setHeader(
    'x-firmly-request-id',
    requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
  );
  res.setHeader('Cache-Control', 'no-store');
}

function applyFault(
  kind: FaultKind,
  endpoint: FaultEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  switch (kind) {
    case 'status500':
      sendJson(res, 500, errorBody(endpoint, 500, 'InternalServerError', 'Internal server error.'));
      return;
    case 'status503':
      sendJson(res, 503, errorBody(endpoint, 503, 'ErrorStoreUnavailable', 'Store unavailable.'));
      return;
    case 'timeout':
      // Never answer; close() ends the connection.
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'malformedJson':
      res.writeHead(200, { 'Content-Type': JSON_TYPE }).end('{"access_token":');
      return;
    case 'html':
      res
        .writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    case 'missingFields':
      sendJson(res, 200, { device_created: true });
      return;
  }
}

function positiveWholeNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a whole number, 1 or more`);
  }
  return value;
}

function parseJsonOrEmpty(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new TypeError('body must be JSON');
  }
}

/**
 * Starts a local emulator of the Firmly Cart API: browser sessions with RS256 tokens, in-memory
 * carts per device and domain, CORS for a storefront on another origin, and optional test controls
 * for counting calls and injecting faults.
 *
 * @param options - where to listen and how to behave; all optional
 * @returns the running emulator, once it is listening
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
  const allowed = options.appIds ?? ['demo-app'];
  // 'any' lets a storefront's own test suite run with its real application id.
  const appIds = { has: (id: string) => allowed === 'any' || allowed.includes(id) };
  let renewWindowSeconds = options.renewWindowSeconds ?? 7 * 24 * 3600;
  const cors: { allowOrigins: readonly string[] | 'echo'; maxAgeSeconds: number } = {
    allowOrigins: 'echo',
    maxAgeSeconds: 600,
  };
  const testControls = options.testControls ?? false;
  let tokenLifetimeSeconds = positiveWholeNumber(
    options.tokenLifetimeSeconds ?? 3600,
    'tokenLifetimeSeconds',
  );
  let now = () => Date.now();

  const mint = await createTokenMint();
  const book = createCartBook();
  const faults = createFaultQueue();
  const revoked = new Set<string>();
  const requestLog: RequestLogEntry[] = [];
  const counters: FirmlyEmulatorCounters = {
    browserSession: 0,
    renewals: 0,
    devicesCreated: 0,
    cartCalls: 0,
    unauthorized: 0,
    preflights: 0,
    abandoned: 0,
  };

  async function issue(deviceId: string, appId: string, deviceCreated: boolean) {
    const iat = Math.floor(now() / 1000);
    const exp = iat + tokenLifetimeSeconds;
    const token = await mint.issue({ device_id: deviceId, app_id: appId, exp, iat });
    return {
      device_created: deviceCreated,
      access_token: token,
      expires_in: tokenLifetimeSeconds,
      expires: exp,
      device_id: deviceId,
    };
  }

  /** @returns the token offered for renewal, `null` when none, `undefined` when unreadable */
  function offeredToken(raw: Buffer): string | null | undefined {
    const text = raw.toString('utf8');
    if (text.trim() === '') return null;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const token = (body as Record<string, unknown>).access_token;
    if (token === undefined || token === null) return null;
    return typeof token === 'string' && token !== '' ? token : undefined;
  }

  async function browserSession(req: IncomingMessage, res: ServerResponse, raw: Buffer) {
    const appId = headerValue(req, 'x-firmly-app-id');
    if (!appId || !appIds.has(appId)) {
      sendJson(res, 400, {
        error: 'InvalidAppId',
        message: 'Application ID is invalid or not found',
      });
      return;
    }
    const token = offeredToken(raw);
    if (token === null) {
      counters.devicesCreated += 1;
      sendJson(res, 200, await issue(randomUUID(), appId, true));
      return;
    }
    const claims = token === undefined ? null : await mint.read(token);
    const renewable =
      claims !== null &&
      claims.app_id === appId &&
      !revoked.has(claims.device_id) &&
      now() <= (claims.exp + renewWindowSeconds) * 1000;
    if (!claims || !renewable) {
      sendJson(res, 401, { error: 'TokenExpired', message: 'Token is too old to renew' });
      return;
    }
    counters.renewals += 1;
    sendJson(res, 200, await issue(claims.device_id, appId, false));
  }

  async function authenticate(presented: string | undefined): Promise<TokenClaims> {
    if (!presented) {
      throw new FirmlyApiError(401, 'MissingAuthHeader', 'Missing authorization header.');
    }
    const claims = await mint.read(presented.replace(/^Bearer\s+/i, ''));
    if (
      !claims ||
      now() >= claims.exp * 1000 ||
      revoked.has(claims.device_id) ||
      !appIds.has(claims.app_id)
    ) {
      throw new FirmlyApiError(401, 'InvalidToken', 'Jwt token is invalid.');
    }
    return claims;
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
    requestLog.push({
      method: req.method ?? 'GET',
      path: redactTokens(url.pathname + url.search, presented),
      origin: headerValue(req, 'origin') ?? null,
      hasAuth: presented !== undefined,
      contentType: headerValue(req, 'content-type') ?? null,
      body: redactTokens(raw.toString('utf8'), presented),
    });
    if (requestLog.length > MAX_LOG_ENTRIES) requestLog.shift();
    const fault = faults.take('cart');
    if (fault) {
      applyFault(fault, 'cart', req, res);
      return;
    }
    let claims: TokenClaims;
    try {
      claims = await authenticate(presented);
    } catch (error) {
      counters.unauthorized += 1;
      throw error;
    }
    sendJson(res, 200, answer(claims.device_id));
  }

  function setRenewWindow(seconds: number): void {
    renewWindowSeconds = positiveWholeNumber(seconds, 'seconds');
  }

  function setCors(next: { allowOrigins?: string[] | 'echo'; maxAgeSeconds?: number }): void {
    if (next.allowOrigins !== undefined) cors.allowOrigins = next.allowOrigins;
    if (next.maxAgeSeconds !== undefined) cors.maxAgeSeconds = next.maxAgeSeconds;
  }

  function setTokenLifetime(seconds: number): void {
    tokenLifetimeSeconds = positiveWholeNumber(seconds, 'seconds');
  }

  function injectFault(fault: EmulatorFault): void {
    faults.add(parseFault(fault));
  }

  function revokeDevice(deviceId: string): void {
    revoked.add(deviceId);
  }

  function reset(): void {
    for (const key of Object.keys(counters) as (keyof FirmlyEmulatorCounters)[]) {
      counters[key] = 0;
    }
    requestLog.length = 0;
    faults.clear();
  }

  function control(req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer) {
    const route = `${req.method} ${path}`;
    try {
      switch (route) {
        case 'POST /__emulator/reset':
          reset();
          return sendEmpty(res, 204);
        case 'GET /__emulator/counters':
          return sendJson(res, 200, counters);
        case 'GET /__emulator/log':
          return sendJson(res, 200, requestLog);
        case 'POST /__emulator/token-lifetime': {
          const body = parseJsonOrEmpty(raw) as { seconds?: unknown } | null;
          setTokenLifetime(body?.seconds as number);
          return sendEmpty(res, 204);
        }
        case 'POST /__emulator/fault':
          injectFault(parseJsonOrEmpty(raw) as EmulatorFault);
          return sendEmpty(res, 204);
        case 'POST /__emulator/revoke': {
          const body = parseJsonOrEmpty(raw) as { device_id?: unknown } | null;
          if (typeof body?.device_id !== 'string' || body.device_id === '') {
            throw new TypeError('device_id must be a non-empty string');
          }
          revokeDevice(body.device_id);
          return sendEmpty(res, 204);
        }
        default:
          throw new FirmlyApiError(404, 'NotFound', `No test control at ${route}.`);
      }
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw new FirmlyApiError(400, 'InvalidControl', error.message);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCorsHeaders(req, res, cors.allowOrigins);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    if (method === 'OPTIONS') {
      counters.preflights += 1;
      res
        .writeHead(204, {
          ...PREFLIGHT_HEADERS,
          'Access-Control-Max-Age': String(cors.maxAgeSeconds),
        })
        .end();
      return;
    }
    const raw = await readBody(req);
    if (testControls && path.startsWith('/__emulator/')) {
      control(req, res, path, raw);
      return;
    }
    if (method === 'POST' && path === '/api/v1/browser-session') {
      counters.browserSession += 1;
      const fault = faults.take('browser-session');
      if (fault) applyFault(fault, 'browser-session', req, res);
      else await browserSession(req, res, raw);
      return;
    }
    if (testControls && method === 'POST' && path === '/api/v2/echo') {
      await cartCall(req, res, url, raw, () => ({
        contentType: headerValue(req, 'content-type') ?? null,
        body: raw.toString('utf8'),
        bodyBase64: raw.toString('base64'),
      }));
      return;
    }
    const route = matchCartRoute(method, path);
    if (route) {
      await cartCall(req, res, url, raw, (deviceId) =>
        route({ deviceId, body: raw.toString('utf8'), book }),
      );
      return;
    }
    throw new FirmlyApiError(404, 'NotFound', `No route for ${method} ${path}.`);
  }

  const server = createApiServer(handle, counters, (error) =>
    error instanceof FirmlyApiError
      ? error
      : new FirmlyApiError(500, 'InternalServerError', 'Internal server error.'),
  );

  const { origin, close } = await listenOnLoopback(server, host, options.port ?? 0);
  return {
    origin,
    close,
    counters,
    requestLog,
    setTokenLifetime,
    setRenewWindow,
    setCors,
    injectFault,
    revokeDevice,
    setNow(fn) {
      now = fn;
    },
    reset,
  };
}
