import type { RefusalKind } from '../Provider.js';
import { parseJson } from '../parseJson.js';

// The 401 codes Firmly's cart endpoints give a missing, invalid or expired token.
const SESSION_CODES = new Set([
  'MissingAuthHeader',
  'InvalidJWTToken',
  'InvalidToken',
  'JwtExpired',
  'TokenExpired',
]);
// Named by its text only; an expired JWT is sometimes named the same way.
const SESSION_TEXT = /session has expired or is invalid|\bjwt\b[^.]*\bexpired\b/i;

/**
 * Reads a Firmly 401: `{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}`
 * (or `message` instead of `description`). 401 is not only about the session: `session/validate-otp`
 * answers `InvalidOtp`, and a wrong `session/join` password is a 401 too; replaying those would
 * submit them twice. `ErrorUnauthorized` names no cause, so it counts as unreadable.
 *
 * @param body - the 401's body
 * @returns `session` for a missing, invalid or expired token; `other` for any other named error;
 *   `unknown` when the body names nothing
 */
export function readFirmlyRefusal(body: string): RefusalKind {
  const json = parseJson(body);
  if (typeof json !== 'object' || json === null) return 'unknown';
  const { error, description, message } = json as Record<string, unknown>;
  const texts = [error, description, message].filter((v): v is string => typeof v === 'string');
  if (typeof error === 'string' && SESSION_CODES.has(error)) return 'session';
  if (texts.some((text) => SESSION_TEXT.test(text))) return 'session';
  if (typeof error !== 'string' || error === '' || error === 'ErrorUnauthorized') return 'unknown';
  return 'other';
}
