/**
 * Sends `POST {api}/oauth20/token`, form-encoded. The request step only: it returns the raw
 * `Response` and leaves every judgement to {@link parseOAuthTokenResponse}.
 *
 * @param fetchFn - the host's fetch
 * @param apiOrigin - the configured API origin
 * @param grant - the grant's fields (`grant_type` and its parameters)
 * @param signal - aborts the request (timeouts)
 * @returns the API's raw answer
 */
export function oauthTokenRequest(
  fetchFn: typeof fetch,
  apiOrigin: string,
  grant: Record<string, string>,
  signal?: AbortSignal,
): Promise<Response> {
  return fetchFn(`${apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ ...grant, format: 'json' }).toString(),
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
}
