import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieValue } from '../http/cookieValue.js';
import { headerValue } from '../http/headerValue.js';
import { readBody } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import { sendText } from '../http/sendText.js';
import type { HostedCheckout } from './checkout/hostedCheckout.js';
import { DigitalRiverApiError, TOKEN_RELATION } from './DigitalRiverApiError.js';
import type { DigitalRiverCounters } from './DigitalRiverCounters.js';
import type { ShopperTokens } from './shopperTokens.js';
import { JSONP_CALLBACK, wrapJsonp } from './wrapJsonp.js';

const SESSION_TOKEN_PATH = /^\/store\/([^/]+)\/SessionToken\/?$/;

/** The store session cookie that binds every session token to one anonymous shopper. */
const SESSION_COOKIE = 'DRSESSION';

/** What the store origin needs from the rest of the emulator. */
export interface StoreSide {
  siteId: string;
  apiKeys: { has(key: string): boolean };
  tokens: Pick<ShopperTokens, 'storeSession' | 'issueSessionToken' | 'grantForStoreSession'>;
  hostedCheckout: Pick<HostedCheckout, 'serveStore'>;
  counters: Pick<DigitalRiverCounters, 'sessionToken' | 'storeRequestsWithAuth'>;
  /** Logs a store request. */
  log(req: IncomingMessage, url: URL, raw: Buffer): void;
  /** Answers with the next `session-token` fault, if one is pending. @returns whether it did */
  takeFault(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * Answers the store's `SessionToken` site action: a `session_token` without `apiKey`, a token at
 * once with a known `apiKey`, `invalid_client` for an unknown one; as JSONP when the page names a
 * `callback`, as JSON otherwise. A request without the store cookie is a new shopper, and gets one.
 *
 * @param req - the request
 * @param res - the response
 * @param url - the request's URL, for `apiKey` and `callback`
 * @param site - the site id from the path, decoded
 * @param store - the site served, the keys accepted and the token issuer
 */
function answerSessionToken(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  site: string,
  { siteId, apiKeys, tokens }: StoreSide,
): void {
  if (req.method !== 'GET') {
    res
      .writeHead(405, { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Method not allowed');
    return;
  }
  // A 404 makes the page's script tag fail to load, which is how a browser learns of it.
  if (site !== siteId) {
    sendText(res, 404, 'Not found');
    return;
  }
  const callback = url.searchParams.get('callback');
  if (callback !== null && !JSONP_CALLBACK.test(callback)) {
    sendText(res, 400, 'Invalid callback name');
    return;
  }
  // Cross-site script loads usually arrive without the cookie; then this is a new shopper.
  const session = tokens.storeSession(cookieValue(req, SESSION_COOKIE));
  if (session.created) {
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`);
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
  if (callback === null) {
    sendJson(res, status, body);
    return;
  }
  res
    .writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' })
    .end(wrapJsonp(callback, body));
}

/**
 * Creates the store origin's handler: the hosted checkout pages, and the `SessionToken` site
 * action (counted, and faulted by `session-token` faults). Every answer is uncached and never
 * sniffed, since a script tag runs what it loads.
 *
 * @param store - what the store serves and where it counts and logs
 * @returns the request handler
 */
export function createStoreHandler(
  store: StoreSide,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (headerValue(req, 'authorization') !== undefined) store.counters.storeRequestsWithAuth += 1;
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const raw = await readBody(req);
    store.log(req, url, raw);
    if (store.hostedCheckout.serveStore(req, res, url)) return;
    const match = SESSION_TOKEN_PATH.exec(url.pathname);
    let site: string | undefined;
    try {
      site = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    } catch {
      site = undefined;
    }
    if (site === undefined) return sendText(res, 404, 'Not found');
    store.counters.sessionToken += 1;
    if (store.takeFault(req, res)) return;
    answerSessionToken(req, res, url, site, store);
  };
}
