/**
 * Reads the first error code from Digital River's error body,
 * `{"errors":{"error":[{"relation":…,"code":"invalid_token","description":…}]}}`.
 *
 * @param value - parsed JSON
 * @returns the code, or undefined
 */
export function readErrorCode(value: unknown): string | undefined {
  const errors = (value as { errors?: { error?: unknown } } | null)?.errors?.error;
  const first: unknown = Array.isArray(errors) ? errors[0] : errors;
  const code = (first as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code.slice(0, 64) : undefined;
}
