import { InterceptorError } from '../../errors/errors.js';
import type { TokenGrant } from '../Provider.js';
import { parseJson } from '../parseJson.js';
import { readLifetimeSeconds } from '../readLifetimeSeconds.js';

function errorName(json: unknown): unknown {
  return typeof json === 'object' && json !== null
    ? (json as { error?: unknown }).error
    : undefined;
}

/**
 * Judges a browser-session answer. Pure, so every malformed answer is unit-tested without a
 * network. Liberal in what it accepts (`expires_in` as a numeric string, a missing
 * `device_created`), strict in what it stores (a non-empty token and device id, a positive
 * lifetime).
 *
 * @param status - the HTTP status
 * @param body - the raw response body
 * @returns the grant
 * @throws InterceptorError `InvalidAppId` (a 400 that names it), `TokenExpired` (401) or `TokenUnavailable`
 */
export function parseBrowserSessionResponse(status: number, body: string): TokenGrant {
  const json = parseJson(body);
  const name = errorName(json);
  if (status === 400 && name === 'InvalidAppId') {
    // Fatal only when the API says so: any other 400 is retried on a later call, as Firmly's
    // own client does.
    throw new InterceptorError('InvalidAppId', undefined, { status, body });
  }
  if (status === 401) {
    throw new InterceptorError('TokenExpired', undefined, { status, body });
  }
  if (status !== 200) {
    throw new InterceptorError(
      'TokenUnavailable',
      `browser-session answered ${status}${typeof name === 'string' ? ` ${name.slice(0, 64)}` : ''}`,
      // Kept so the session can tell an answer (no device was made) from a lost request.
      { status, body },
    );
  }
  if (typeof json !== 'object' || json === null) {
    throw new InterceptorError('TokenUnavailable', 'browser-session answered non-JSON');
  }
  const { access_token, expires_in, device_id, device_created } = json as Record<string, unknown>;
  const lifetime = readLifetimeSeconds(expires_in);
  if (
    typeof access_token !== 'string' ||
    access_token.length === 0 ||
    lifetime === undefined ||
    typeof device_id !== 'string' ||
    device_id.length === 0 ||
    (device_created !== undefined && typeof device_created !== 'boolean')
  ) {
    throw new InterceptorError(
      'TokenUnavailable',
      'browser-session answer lacks a valid access_token, expires_in or device_id',
    );
  }
  return {
    token: access_token,
    expiresInSeconds: lifetime,
    deviceId: device_id,
    deviceCreated: device_created === true,
  };
}
