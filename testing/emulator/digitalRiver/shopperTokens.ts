import { randomBytes, randomUUID } from 'node:crypto';
import { CART_RELATION, DigitalRiverApiError, TOKEN_RELATION } from './DigitalRiverApiError.js';

/**
 * A token as Digital River hands it out. `expires_in` is a string in every documented sample, so
 * the emulator sends a string too and a client that expects a number fails here, not in production.
 */
export interface DigitalRiverToken {
  access_token: string;
  token_type: 'bearer';
  expires_in: string;
  refresh_token: string;
}

/** A store session as the `DRSESSION` cookie names it. */
export interface StoreSession {
  id: string;
  /** Whether the request named no session, or one the emulator does not know. */
  created: boolean;
}

/** How the token issuer tells time and how long access tokens live. */
export interface ShopperTokensOptions {
  /** The clock, in milliseconds since the epoch; read on every check so a test can swap it. */
  now: () => number;
  accessTokenLifetimeSeconds: number;
  /**
   * Whether a session token may be exchanged again after its first exchange, for as long as the
   * shopper session lives (Digital River's reference shop relies on it); when false, once only.
   */
  sessionTokenReuse: boolean;
}

/**
 * Every credential the Digital River emulator issues: store sessions, session tokens, access tokens
 * and refresh tokens, and the anonymous shopper each one leads to.
 */
export interface ShopperTokens {
  /** @returns the store session a cookie names, or a new one when it names none we know */
  storeSession(cookie: string | undefined): StoreSession;
  /**
   * @returns a new session token for the store session's shopper: first exchanged within 10
   *   minutes, then again for the life of the shopper session unless reuse is off
   */
  issueSessionToken(storeSessionId: string): string;
  /** @returns a token for the store session's shopper at once, as `SessionToken` with an API key does */
  grantForStoreSession(storeSessionId: string): DigitalRiverToken;
  /**
   * Exchanges a session token (the password grant); without reuse, it is used up.
   * @throws DigitalRiverApiError 401 `invalid_token` for an unknown, used, revoked or expired one
   */
  exchangeSessionToken(sessionToken: string): DigitalRiverToken;
  /**
   * Swaps a refresh token for a new access token and a new refresh token; the old one stops working.
   * @throws DigitalRiverApiError 401 `invalid_token` for an unknown, rotated or revoked one
   */
  refresh(refreshToken: string): DigitalRiverToken;
  /**
   * @returns the shopper an access token belongs to
   * @throws DigitalRiverApiError 401 `invalid_token` for a missing, unknown or expired token
   */
  shopperOf(accessToken: string | undefined): string;
  /** Changes the lifetime of access tokens issued from now on. @throws TypeError unless a whole number ≥ 1 */
  setAccessTokenLifetime(seconds: number): void;
  /** Makes every access token issued so far fail; refresh tokens keep working. */
  expireAccessTokens(): void;
  /** Makes every refresh token issued so far fail, so the shopper has to start from `SessionToken`. */
  revokeRefreshTokens(): void;
  /** Ends the shopper sessions of every session token issued so far: none can be exchanged again. */
  revokeSessionTokens(): void;
}

const SESSION_TOKEN_LIFETIME_MS = 10 * 60 * 1000;

function tokenLifetime(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a whole number, 1 or more`);
  }
  return value;
}

// Opaque random hex, never a JWT: Digital River's tokens carry nothing a client could read.
function opaqueToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Creates an empty token issuer. Each store session stands for one anonymous shopper, so every
 * session token issued to the same store session (cookie) leads to the same cart, and a browser
 * that withholds the cookie gets a new shopper. That binding is our reading of why `SessionToken`
 * must run in the browser; the public record does not say.
 *
 * @param options - the clock and the access token lifetime
 * @returns an issuer that knows no session yet
 * @throws TypeError for a bad lifetime
 */
export function createShopperTokens(options: ShopperTokensOptions): ShopperTokens {
  let lifetimeSeconds = tokenLifetime(
    options.accessTokenLifetimeSeconds,
    'accessTokenLifetimeSeconds',
  );
  const shopperOfStoreSession = new Map<string, string>();
  const sessionTokens = new Map<
    string,
    { shopperId: string; expiresAt: number; exchanged: boolean }
  >();
  const accessTokens = new Map<string, { shopperId: string; expiresAt: number }>();
  const refreshTokens = new Map<string, string>();

  function issue(shopperId: string): DigitalRiverToken {
    const access = opaqueToken();
    const refresh = opaqueToken();
    accessTokens.set(access, { shopperId, expiresAt: options.now() + lifetimeSeconds * 1000 });
    refreshTokens.set(refresh, shopperId);
    return {
      access_token: access,
      token_type: 'bearer',
      expires_in: String(lifetimeSeconds),
      refresh_token: refresh,
    };
  }

  function shopperOfSession(storeSessionId: string): string {
    const shopperId = shopperOfStoreSession.get(storeSessionId);
    if (shopperId === undefined) throw new Error(`Unknown store session ${storeSessionId}`);
    return shopperId;
  }

  return {
    storeSession(cookie) {
      if (cookie !== undefined && shopperOfStoreSession.has(cookie)) {
        return { id: cookie, created: false };
      }
      const id = randomUUID();
      shopperOfStoreSession.set(id, randomUUID());
      return { id, created: true };
    },

    issueSessionToken(storeSessionId) {
      const token = randomBytes(16).toString('hex').toUpperCase();
      sessionTokens.set(token, {
        shopperId: shopperOfSession(storeSessionId),
        expiresAt: options.now() + SESSION_TOKEN_LIFETIME_MS,
        exchanged: false,
      });
      return token;
    },

    grantForStoreSession: (storeSessionId) => issue(shopperOfSession(storeSessionId)),

    exchangeSessionToken(sessionToken) {
      const entry = sessionTokens.get(sessionToken);
      if (!options.sessionTokenReuse) sessionTokens.delete(sessionToken);
      // The 10 minutes bound the first exchange; after it the shopper session keeps the token.
      if (!entry || (!entry.exchanged && options.now() >= entry.expiresAt)) {
        sessionTokens.delete(sessionToken);
        throw new DigitalRiverApiError(
          401,
          'invalid_token',
          'Invalid token for specified shopper',
          TOKEN_RELATION,
        );
      }
      entry.exchanged = true;
      return issue(entry.shopperId);
    },

    refresh(refreshToken) {
      const shopperId = refreshTokens.get(refreshToken);
      refreshTokens.delete(refreshToken);
      if (shopperId === undefined) {
        throw new DigitalRiverApiError(401, 'invalid_token', 'Session expired', TOKEN_RELATION);
      }
      return issue(shopperId);
    },

    shopperOf(accessToken) {
      const entry = accessToken === undefined ? undefined : accessTokens.get(accessToken);
      if (!entry || options.now() >= entry.expiresAt) {
        throw new DigitalRiverApiError(401, 'invalid_token', 'Session expired', CART_RELATION);
      }
      return entry.shopperId;
    },

    setAccessTokenLifetime(seconds) {
      lifetimeSeconds = tokenLifetime(seconds, 'seconds');
    },

    expireAccessTokens: () => accessTokens.clear(),

    revokeRefreshTokens: () => refreshTokens.clear(),

    revokeSessionTokens: () => sessionTokens.clear(),
  };
}
