import type { BrowserContext } from '@playwright/test';

/**
 * Has browser-session answer its first request `429` with `Retry-After: retryAfter`, and let the
 * later ones through.
 *
 * @param retryAfter - the header's value, in seconds
 * @returns when browser-session was asked, one entry a request
 */
export async function rateLimitBrowserSessionOnce(
  context: BrowserContext,
  apiOrigin: string,
  retryAfter: string,
): Promise<number[]> {
  const asked: number[] = [];
  await context.route(`${apiOrigin}/api/v1/browser-session`, async (route) => {
    asked.push(Date.now());
    if (asked.length > 1) return route.fallback();
    return route.fulfill({
      status: 429,
      headers: {
        // browser-session is credentialed (the fsession_v2 cookie): the exact origin, not '*'.
        'access-control-allow-origin': route.request().headers().origin ?? '',
        'access-control-allow-credentials': 'true',
        // Retry-After is not a CORS-safelisted response header: the API must expose it.
        'access-control-expose-headers': 'retry-after',
        'retry-after': retryAfter,
        'content-type': 'application/json',
      },
      body: '{"error":"TooManyRequests"}',
    });
  });
  return asked;
}
