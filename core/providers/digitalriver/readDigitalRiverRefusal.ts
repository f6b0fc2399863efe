import type { RefusalKind } from '../Provider.js';
import { parseJson } from '../parseJson.js';
import { readErrorCode } from './readErrorCode.js';

/**
 * Reads a Digital River 401, nested (`errors.error[0].code`, the Shopper API) or flat
 * (`{error, error_description}`, the token endpoint). Only `invalid_token` ("Session expired",
 * "Invalid token for specified shopper") is about the token.
 *
 * @param body - the 401's body
 * @returns `session` for `invalid_token`, `other` for any other code, `unknown` when none is named
 */
export function readDigitalRiverRefusal(body: string): RefusalKind {
  const json = parseJson(body);
  const code = readErrorCode(json);
  if (code === undefined) return 'unknown';
  return code === 'invalid_token' ? 'session' : 'other';
}
