/**
 * Reads an `expires_in`. Both APIs send it as a number in some answers and as a numeric string
 * in others (Digital River's docs show `"86397"`); both count.
 *
 * @param value - the `expires_in` field as parsed
 * @returns a positive, finite lifetime in seconds, or undefined
 */
export function readLifetimeSeconds(value: unknown): number | undefined {
  const lifetime = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof lifetime === 'number' && Number.isFinite(lifetime) && lifetime > 0
    ? lifetime
    : undefined;
}
