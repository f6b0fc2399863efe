import type { IncomingMessage } from 'node:http';
import { headerValue } from '../http/headerValue.js';
import { bearerToken } from './bearerToken.js';
import type { DigitalRiverRequestLogEntry } from './DigitalRiverRequestLogEntry.js';
import { redactShopperTokens } from './redactShopperTokens.js';

/**
 * What the Digital River emulator logs of a request. The credential of the `Authorization` header
 * is redacted wherever the path or body repeats it, as is every token-shaped value.
 *
 * @param origin - which of the emulator's origins the request reached
 * @param req - the request
 * @param url - its URL
 * @param raw - its body
 * @returns the log entry
 */
export function digitalRiverLogEntry(
  origin: 'store' | 'api',
  req: IncomingMessage,
  url: URL,
  raw: Buffer,
): DigitalRiverRequestLogEntry {
  const authorization = headerValue(req, 'authorization');
  const presented = bearerToken(authorization) ?? authorization?.trim();
  return {
    origin,
    method: req.method ?? 'GET',
    path: redactShopperTokens(url.pathname + url.search, presented),
    hasAuth: authorization !== undefined,
    contentType: headerValue(req, 'content-type') ?? null,
    body: redactShopperTokens(raw.toString('utf8'), presented),
  };
}
