import type { BrowserContext } from '@playwright/test';

/** What Firmly's API answers a call whose token it refuses. */
export const INVALID_TOKEN_BODY =
  '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}';

/**
 * Has every request to `url` answered `401 InvalidToken`: an API that refuses every token it is
 * sent, as it does an app that was revoked.
 *
 * @returns how many requests it has answered, counted as they come
 */
export async function refuseEveryToken(
  context: BrowserContext,
  url: string,
): Promise<{ count: number }> {
  const answered = { count: 0 };
  await context.route(url, (route) => {
    answered.count++;
    return route.fulfill({
      status: 401,
      headers: {
        'access-control-allow-origin': route.request().headers().origin ?? '*',
        'content-type': 'application/json',
      },
      body: INVALID_TOKEN_BODY,
    });
  });
  return answered;
}
