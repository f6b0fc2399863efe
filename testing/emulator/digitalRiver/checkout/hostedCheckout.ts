import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieValue } from '../../http/cookieValue.js';
import { headerValue } from '../../http/headerValue.js';
import { bearerToken } from '../bearerToken.js';
import type { ShopperCartBook } from '../cart/shopperCartBook.js';
import { DigitalRiverApiError } from '../DigitalRiverApiError.js';
import type { ShopperTokens } from '../shopperTokens.js';
import {
  type HostedCheckoutView,
  hostedCheckoutPage,
  hostedCheckoutView,
} from './hostedCheckoutPage.js';

/** Digital River's hand-off to its hosted checkout, under the API origin. */
export const HOSTED_CHECKOUT_PATH = '/v1/shoppers/me/carts/active/web-checkout';

/** What the hand-off needs from the rest of the emulator. */
export interface HostedCheckoutOptions {
  tokens: Pick<ShopperTokens, 'shopperOf'>;
  book: Pick<ShopperCartBook, 'view'>;
  siteId: string;
  /** The store origin, known once it listens. */
  storeOrigin: () => string;
  now: () => number;
}

/** `web-checkout` on the API origin, and the hosted checkout it leads to on the store origin. */
export interface HostedCheckout {
  /**
   * Answers `GET|POST web-checkout`: `302` to the hosted checkout of the token's shopper.
   * @throws DigitalRiverApiError 401 `invalid_token` for a missing, unknown or expired token
   */
  postCheckout(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void;
  /** Serves the hosted checkout pages. @returns false when the path is not one of them */
  serveStore(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** What the hosted checkout showed, oldest first. */
  shown: HostedCheckoutView[];
  /** Forgets what was shown; hand-offs under way and checkout sessions are kept. */
  reset(): void;
}

// The one-time code is used at once by the redirect it rides on; a minute covers a slow network.
const HAND_OFF_LIFETIME_MS = 60_000;
const COOKIE = 'DRCHECKOUT';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Creates the hand-off. `web-checkout` takes the token as Digital River documents it: the
 * `Authorization: bearer` header (a server-side client), or a `token` parameter in the query
 * (the cart widget's `GET`) or a form body (a `POST`). It answers `302` to the store with a
 * one-time code, which the store swaps for its own checkout session cookie before showing the
 * cart, so no credential stays in the hosted page's URL or in the shopper's history.
 *
 * @param options - the emulator's tokens, carts, site and store origin
 * @returns the hand-off
 */
export function createHostedCheckout(options: HostedCheckoutOptions): HostedCheckout {
  const codes = new Map<string, { shopperId: string; expiresAt: number }>();
  const checkoutSessions = new Map<string, string>();
  const shown: HostedCheckoutView[] = [];
  const pagePath = `/store/${encodeURIComponent(options.siteId)}/checkout`;

  function parameters(req: IncomingMessage, url: URL, body: Buffer): URLSearchParams {
    const type = headerValue(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    const params = new URLSearchParams(url.search);
    if (req.method === 'POST' && type === FORM_TYPE) {
      for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
        params.set(name, value);
      }
    }
    return params;
  }

  function send(res: ServerResponse, status: number, html: string): void {
    res
      .writeHead(status, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(html);
  }

  return {
    shown,
    reset() {
      shown.length = 0;
    },

    postCheckout(req, res, url, body) {
      if (req.method !== 'GET' && req.method !== 'POST') {
        throw new DigitalRiverApiError(
          405,
          'method-not-allowed',
          'web-checkout takes GET or POST.',
        );
      }
      const params = parameters(req, url, body);
      const bearer = bearerToken(headerValue(req, 'authorization'));
      const shopperId = options.tokens.shopperOf(bearer ?? params.get('token') ?? undefined);
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { shopperId, expiresAt: options.now() + HAND_OFF_LIFETIME_MS });
      const location = new URL(pagePath, options.storeOrigin());
      location.searchParams.set('handoff', code);
      // Jungo appends `ThemeID` to the location web-checkout answers; the store reads it there.
      const themeId = params.get('themeId');
      const locale = params.get('locale');
      if (themeId) location.searchParams.set('ThemeID', themeId);
      if (locale) location.searchParams.set('Locale', locale);
      res.writeHead(302, { Location: location.href }).end();
    },

    serveStore(req, res, url) {
      if (url.pathname !== pagePath && url.pathname !== `${pagePath}/`) return false;
      const code = url.searchParams.get('handoff');
      if (code !== null) {
        const entry = codes.get(code);
        codes.delete(code);
        if (!entry || options.now() >= entry.expiresAt) {
          send(
            res,
            403,
            '<!doctype html><title>Checkout</title><p>This checkout link has expired.</p>',
          );
          return true;
        }
        const id = randomBytes(16).toString('hex');
        checkoutSessions.set(id, entry.shopperId);
        const clean = new URL(url);
        clean.searchParams.delete('handoff');
        res
          .writeHead(303, {
            Location: `${clean.pathname}${clean.search}`,
            'Set-Cookie': `${COOKIE}=${id}; Path=/store/; HttpOnly; SameSite=Lax`,
          })
          .end();
        return true;
      }
      const shopperId = checkoutSessions.get(cookieValue(req, COOKIE) ?? '');
      if (shopperId === undefined) {
        send(
          res,
          403,
          '<!doctype html><title>Checkout</title><p>Your checkout session has expired.</p>',
        );
        return true;
      }
      const view = hostedCheckoutView(options.book.view(shopperId), {
        siteId: options.siteId,
        themeId: url.searchParams.get('ThemeID'),
        locale: url.searchParams.get('Locale'),
        referer: headerValue(req, 'referer') ?? null,
      });
      shown.push(view);
      send(res, 200, hostedCheckoutPage(view));
      return true;
    },
  };
}
