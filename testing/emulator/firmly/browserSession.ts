import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue } from '../http/headerValue.js';
import { sendJson } from '../http/sendJson.js';
import type { DeviceSessions } from './deviceSessions.js';

/** What the browser-session endpoint counts. */
export interface BrowserSessionCounters {
  renewals: number;
  devicesCreated: number;
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
 * `TokenExpired` in the `{error, message}` shape this endpoint documents.
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
  const token = offeredToken(raw);
  if (token === null) {
    counters.devicesCreated += 1;
    sendJson(res, 200, await sessions.createDevice(appId));
    return;
  }
  const renewed = await sessions.renew(token, appId);
  if (!renewed) {
    sendJson(res, 401, { error: 'TokenExpired', message: 'Token is too old to renew' });
    return;
  }
  counters.renewals += 1;
  sendJson(res, 200, renewed);
}
