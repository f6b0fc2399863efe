/**
 * Splits a URL path into its decoded segments, the way both emulators match their routes: one
 * trailing slash is ignored, because some clients send `/cart/`.
 *
 * @param pathname - the URL path
 * @returns the segments, or `undefined` when one is not valid percent-encoding (no route matches it)
 */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname.replace(/\/$/, '').split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}
