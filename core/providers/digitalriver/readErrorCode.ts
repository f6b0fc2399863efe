/**
 * Reads the error code from either body Digital River answers with: nested, as the Shopper API
 * sends it (`{"errors":{"error":[{"relation":…,"code":"invalid_token","description":…}]}}`), or
 * flat, as the token endpoint sends it (`{"error":"invalid_client","error_description":…}`).
 *
 * @param value - parsed JSON
 * @returns the code, or undefined
 */
export function readErrorCode(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const errors = (value as { errors?: { error?: unknown } | null }).errors?.error;
  const first: unknown = Array.isArray(errors) ? errors[0] : errors;
  const nested = (first as { code?: unknown } | null | undefined)?.code;
  const flat = (value as { error?: unknown }).error;
  const code = typeof nested === 'string' ? nested : flat;
  return typeof code === 'string' && code !== '' ? code.slice(0, 64) : undefined;
}
