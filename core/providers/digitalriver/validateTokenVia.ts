import { InterceptorError } from '../../errors/errors.js';
import { TOKEN_VIA_VALUES, type TokenVia } from './TokenVia.js';

/**
 * Checks `data-token-via` (`tokenVia`) once, at the boundary. The one-call variant puts the API
 * key in SessionToken's URL, so it needs one.
 *
 * @param value - the configured value; absent means the default, `oauth`
 * @param hasApiKey - whether an API key is configured
 * @param field - how the field is called where it came from (`data-token-via`, `tokenVia`)
 * @param apiKeyField - how the API key's field is called there
 * @returns the value
 * @throws InterceptorError `ConfigInvalid` naming the field, or the API key's when it is missing
 */
export function validateTokenVia(
  value: string | null | undefined,
  hasApiKey: boolean,
  field: string,
  apiKeyField: string,
): TokenVia {
  const tokenVia = value ?? 'oauth';
  if (!TOKEN_VIA_VALUES.includes(tokenVia as TokenVia)) {
    throw new InterceptorError(
      'ConfigInvalid',
      `${field} must be one of: ${TOKEN_VIA_VALUES.join(', ')}`,
    );
  }
  if (tokenVia === 'api-key' && !hasApiKey) {
    throw new InterceptorError('ConfigInvalid', `${field}="api-key" needs ${apiKeyField}`);
  }
  return tokenVia as TokenVia;
}
