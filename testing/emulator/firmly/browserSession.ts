import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieValue } from '../http/cookieValue.js';
import { headerValue } from '../http/headerValue.js';
import { sendJson } from '../http/sendJson.js';
import type { BrowserSessionGrant, DeviceSessions } from './deviceSessions.js';

/** What the browser-session endpoint counts. */
export interface BrowserSessionCounters {
  renewals: number;
  devicesCreated: number;
}

/** The session cookie Firmly documents for renewal (`Cookie: fsession_v2=<expired token>`). */
const SESSION_COOKIE = 'fsession_v2';

/**
 * A storefront on another site can only send the cookie back if it is `SameSite=None; Secure`,
 * and browsers keep a `Secure` cookie only from HTTPS. The emulator is plain HTTP, except behind
 * a proxy or a test route that serves it as HTTPS (the Playwright fixture's `routeOrigin`), so
 * it asks for the cross-site cookie only when the page itself is on HTTPS. Browsers that block
 * third-party cookies (Safari, Firefox's strict mode) never send it back across sites.
 */
function cookieScope(req: IncomingMessage): string {
  const origin = headerValue(req, 'origin');
  return origin?.startsWith('https://') ? 'Secure; SameSite=None' : 'SameSite=Lax';
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

/**
 * Answers `POST /api/v1/browser-session`: a new device for a request without a token, a renewal
 * (same device) for `{"access_token": …}` within the window, 400 `InvalidAppId` and 401
 * `TokenExpired` in the `{error, message}` shape this endpoint documents. Each token also goes out
 * as the `fsession_v2` cookie, and a request without a token renews on that cookie (the documented
 * cookie renewal; a cookie that cannot renew is only a hint, and makes a new device).
 *
 * @param req - the request, for its `x-firmly-app-id`
 * @param res - the response
 * @param raw - the request body
 * @param sessions - the emulator's devices and tokens
 * @param counters - where renewals and new devices are counted
 */
export async function answerBrowserSession(
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  sessions: DeviceSessions,
  counters: BrowserSessionCounters,
): Promise<void> {
  const appId = headerValue(req, 'x-firmly-app-id');
  if (!appId || !sessions.acceptsApp(appId)) {
    sendJson(res, 400, {
      error: 'InvalidAppId',
      message: 'Application ID is invalid or not found',
    });
    return;
  }
  const grant = (answer: BrowserSessionGrant) => {
    res.setHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${answer.access_token}; Path=/api/v1/browser-session; ` +
        `Max-Age=${answer.expires_in + sessions.renewWindowSeconds()}; HttpOnly; ${cookieScope(req)}`,
    );
    sendJson(res, 200, answer);
  };
  const token = offeredToken(raw);
  if (token === null) {
    const cookie = cookieValue(req, SESSION_COOKIE);
    const renewed = cookie === undefined ? null : await sessions.renew(cookie, appId);
    if (renewed) {
      counters.renewals += 1;
      grant(renewed);
      return;
    }
    counters.devicesCreated += 1;
    grant(await sessions.createDevice(appId));
    return;
  }
  const renewed = await sessions.renew(token, appId);
  if (!renewed) {
    sendJson(res, 401, { error: 'TokenExpired', message: 'Token is too old to renew' });
    return;
  }
  counters.renewals += 1;
  grant(renewed);
}
