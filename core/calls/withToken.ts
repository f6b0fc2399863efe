import type { Provider } from '../providers/Provider.js';

/**
 * The request that goes out with the token: the page's, with the provider's auth header added
 * and `redirect: 'manual'`, so no hop leaves with the token before the caller knows where it
 * leads (docs/decisions/013).
 *
 * @param provider - puts the token on the headers
 * @param request - the page's request
 * @param token - the token
 * @param body - the bytes to send (`null` for none); left out, the request's own body goes along
 * @returns the request to send
 */
export function withToken(
  provider: Provider,
  request: Request,
  token: string,
  body?: ArrayBuffer | null,
): Request {
  const headers = new Headers(request.headers);
  provider.authorize(headers, token);
  return new Request(
    request,
    body === undefined ? { headers, redirect: 'manual' } : { headers, body, redirect: 'manual' },
  );
}
