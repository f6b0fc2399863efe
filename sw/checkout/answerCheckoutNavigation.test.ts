import { describe, expect, it } from 'vitest';
import { ErrorCode, InterceptorError } from '../../core/errors/errors.js';
import type { TokenSession } from '../../core/session/createTokenSession.js';
import { digitalRiverTestConfig } from '../../core/testDoubles.fixtures.js';
import { answerCheckoutNavigation } from './answerCheckoutNavigation.js';

const config = digitalRiverTestConfig;
const TOKEN = 'a1b2c3d4e5f6';
const HAND_OFF = 'https://shop.example/sw-token-interceptor/checkout';

/** A session whose `token()` answers as told, and counts its calls. */
function sessionAnswering(answer: () => Promise<string>): TokenSession & { calls: number } {
  const session = {
    calls: 0,
    token: () => {
      session.calls++;
      return answer();
    },
    renew: () => answer(),
    accepted: () => undefined,
    tokenNow: () => undefined,
    info: () => Promise.reject(new Error('not used')),
    clear: () => Promise.resolve(),
    preload: () => undefined,
  };
  return session;
}

// A navigation request cannot be constructed outside a browser; these are the fields read.
function request(
  url: string,
  kind: { mode: RequestMode; destination: RequestDestination },
  referrer = 'https://shop.example/cart',
): Request {
  return { url, referrer, ...kind } as Request;
}
const topLevel = { mode: 'navigate', destination: 'document' } as const;

describe('answerCheckoutNavigation', () => {
  it('answers a top-level navigation with a document that posts the token to web-checkout', async () => {
    const answer = answerCheckoutNavigation(
      config,
      sessionAnswering(async () => TOKEN),
      'https://shop.example/',
    );
    const response = await answer(request(`${HAND_OFF}?themeId=12`, topLevel));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(
      '<form method="post" action="https://api.example/v1/shoppers/me/carts/active/web-checkout">',
    );
    expect(html).toContain(`name="token" value="${TOKEN}"`);
    expect(html).toContain('name="themeId" value="12"');
  });

  it.each([
    ['a fetch', { mode: 'cors', destination: '' }],
    ['an iframe', { mode: 'navigate', destination: 'iframe' }],
    ['an embed', { mode: 'no-cors', destination: 'embed' }],
  ] as const)(
    'refuses %s, which a script could read, without asking for a token',
    async (_, kind) => {
      const session = sessionAnswering(async () => TOKEN);
      const answer = answerCheckoutNavigation(config, session, 'https://shop.example/');
      const response = await answer(request(HAND_OFF, kind));
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(TOKEN);
      expect(session.calls).toBe(0);
    },
  );

  it('when no token can be had, shows the coded error and leads back to the page the shopper left', async () => {
    const answer = answerCheckoutNavigation(
      config,
      sessionAnswering(() =>
        Promise.reject(new InterceptorError(ErrorCode.SessionTokenFailed, 'no page')),
      ),
      'https://shop.example/',
    );
    const response = await answer(request(HAND_OFF, topLevel));
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(html).toContain('SessionTokenFailed');
    expect(html).toContain('href="https://shop.example/cart"');
    expect(html).not.toContain('<script');
  });

  it('refuses a malformed option with ConfigInvalid, and a foreign referrer never becomes the way back', async () => {
    const session = sessionAnswering(async () => TOKEN);
    const answer = answerCheckoutNavigation(config, session, 'https://shop.example/');
    const response = await answer(
      request(`${HAND_OFF}?locale=%3Cb%3E`, topLevel, 'https://evil.example/'),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('ConfigInvalid');
    expect(html).toContain('href="https://shop.example/"');
    expect(session.calls).toBe(0);
  });
});
