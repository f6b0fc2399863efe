/** The parts of a request that decide whether it gets the token. */
export interface RequestLike {
  /** A parsed URL is used as is, which spares the worker's hot path a second parse. */
  url: string | URL;
  mode: RequestMode;
}

/**
 * Decides whether a request gets the token. Origins are compared parsed and whole (scheme,
 * host and port), never as a string prefix, so `https://api.example.com.evil.com` and
 * `https://api.example.com@evil.com` do not pass. Navigations are never touched, and `no-cors`
 * requests cannot carry custom headers anyway.
 *
 * @param request - the outgoing request
 * @param apiOrigin - the configured origin, canonical (`URL.origin`)
 * @returns whether to attach the token
 */
export function isApiRequest(request: RequestLike, apiOrigin: string): boolean {
  if (request.mode === 'navigate' || request.mode === 'no-cors') return false;
  try {
    const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
    return url.origin === apiOrigin;
  } catch {
    return false;
  }
}
