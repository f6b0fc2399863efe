import { InterceptorError } from '../../errors/errors.js';
import type { TokenVia } from './TokenVia.js';

/**
 * Checks `data-token-via` (`tokenVia`) once, at the boundary. The one-call variant puts the API
 * key in SessionToken's URL, so it needs one; one message names both fields, since either may be
 * the one to fix.
 *
 * @param value - the configured value; absent means the default, `oauth`
 * @param hasApiKey - whether an API key is configured
 * @param field - how the field is called where it came from (`data-token-via`, `tokenVia`)
 * @param apiKeyField - how the API key's field is called there
 * @returns the value
 * @throws InterceptorError `ConfigInvalid` naming the field and the API key's
 */
export function validateTokenVia(
  value: string | null | undefined,
  hasApiKey: boolean,
  field: string,
  apiKeyField: string,
): TokenVia {
  const tokenVia = value ?? 'oauth';
  if (tokenVia === 'oauth' || (tokenVia === 'api-key' && hasApiKey)) return tokenVia;
  throw new InterceptorError(
    'ConfigInvalid',
    `${field} must be oauth, or api-key with ${apiKeyField} set`,
  );
}
