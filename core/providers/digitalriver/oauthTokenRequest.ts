/**
 * Sends `POST {api}/oauth20/token`, form-encoded. The request step only: it returns the raw
 * `Response` and leaves every judgement to {@link parseOAuthTokenResponse}.
 *
 * Every call identifies the client as Digital River's docs give it for public apps: HTTP Basic
 * with the public API key as the user name and an empty password. Without a key the call goes
 * unidentified, and the API answers `invalid_client`.
 *
 * @param fetchFn - the host's fetch
 * @param apiOrigin - the configured API origin
 * @param grant - the grant's fields (`grant_type` and its parameters)
 * @param apiKey - the public API key, if configured
 * @param signal - aborts the request (timeouts)
 * @returns the API's raw answer
 */
export function oauthTokenRequest(
  fetchFn: typeof fetch,
  apiOrigin: string,
  grant: Record<string, string>,
  apiKey: string | undefined,
  signal?: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  // The key is validated as printable ASCII, so btoa cannot throw.
  if (apiKey) headers.authorization = `Basic ${btoa(`${apiKey}:`)}`;
  return fetchFn(`${apiOrigin}/oauth20/token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ ...grant, format: 'json' }).toString(),
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
}
