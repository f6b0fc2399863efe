/** The header that carries the application id. */
export const APP_ID_HEADER = 'x-firmly-app-id';

/**
 * Sends `POST {api}/api/v1/browser-session`. The request step only: it returns the raw
 * `Response` and leaves every judgement to {@link parseBrowserSessionResponse}.
 *
 * The renewal goes in the body, not in the documented `Cookie: fsession_v2=` header, because
 * `Cookie` is a forbidden header that neither a page nor a worker can set. The request is
 * credentialed, so the browser sends a `fsession_v2` cookie the API set earlier by itself.
 *
 * @param fetchFn - the host's fetch
 * @param apiOrigin - the configured API origin
 * @param appId - the application id
 * @param expiredToken - a previous token to renew, keeping the device
 * @param signal - aborts the request (timeouts)
 * @returns the API's raw answer
 */
export function browserSessionRequest(
  fetchFn: typeof fetch,
  apiOrigin: string,
  appId: string,
  expiredToken?: string,
  signal?: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = { [APP_ID_HEADER]: appId };
  let body: string | undefined;
  if (expiredToken) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ access_token: expiredToken });
  }
  return fetchFn(`${apiOrigin}/api/v1/browser-session`, {
    method: 'POST',
    headers,
    body,
    // As Firmly's own client does: the API's session cookie (`fsession_v2`) then keeps the
    // device when this origin's IndexedDB was lost. Only the API origin's own cookies go.
    credentials: 'include',
    cache: 'no-store',
    signal,
  });
}
