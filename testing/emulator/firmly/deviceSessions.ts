import { randomUUID } from 'node:crypto';
import { FirmlyApiError } from './FirmlyApiError.js';
import type { TokenClaims, TokenMint } from './tokenMint.js';

/** A browser-session answer, as Firmly documents it. */
export interface BrowserSessionGrant {
  device_created: boolean;
  access_token: string;
  expires_in: number;
  /** Unix seconds; equals the JWT `exp`. */
  expires: number;
  device_id: string;
}

/** How the session issuer tells time, signs and whom it serves. */
export interface DeviceSessionsOptions {
  /** The clock, in milliseconds since the epoch; read on every check so a test can swap it. */
  now: () => number;
  mint: TokenMint;
  /** Application ids accepted (`'any'`: every one). */
  appIds: readonly string[] | 'any';
  tokenLifetimeSeconds: number;
  renewWindowSeconds: number;
}

/**
 * Every device and token the Firmly emulator knows: new devices, renewals within the window after
 * expiry, revocation, and the check every cart call makes.
 */
export interface DeviceSessions {
  /** @returns whether the browser-session endpoint serves this application id */
  acceptsApp(appId: string): boolean;
  /** @returns a token for a new device */
  createDevice(appId: string): Promise<BrowserSessionGrant>;
  /**
   * Renews a token for the same device, up to the renewal window after its expiry.
   * @returns the new grant, or `null` when the token is unreadable, revoked, for another app or too old
   */
  renew(token: string | undefined, appId: string): Promise<BrowserSessionGrant | null>;
  /**
   * Checks the token a cart call presents (raw, or after `Bearer `).
   * @returns its claims
   * @throws FirmlyApiError 401 `MissingAuthHeader` or `InvalidToken`
   */
  authenticate(presented: string | undefined): Promise<TokenClaims>;
  /** Refuses a device's tokens from now on, on cart calls and on renewal. */
  revokeDevice(deviceId: string): void;
  /** Changes the lifetime of tokens issued from now on. @throws TypeError unless a whole number ≥ 1 */
  setTokenLifetime(seconds: number): void;
  /** Changes how long after expiry a token may still be renewed. @throws TypeError unless a whole number ≥ 1 */
  setRenewWindow(seconds: number): void;
  /** @returns how long after expiry a token may still be renewed, in seconds */
  renewWindowSeconds(): number;
}

function positiveWholeNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a whole number, 1 or more`);
  }
  return value;
}

/**
 * Creates a session issuer that knows no device yet.
 *
 * @param options - clock, mint, accepted app ids, lifetimes
 * @returns the issuer
 * @throws TypeError for a bad lifetime or window
 */
export function createDeviceSessions(options: DeviceSessionsOptions): DeviceSessions {
  const { now, mint, appIds } = options;
  let tokenLifetimeSeconds = positiveWholeNumber(
    options.tokenLifetimeSeconds,
    'tokenLifetimeSeconds',
  );
  let renewWindowSeconds = positiveWholeNumber(options.renewWindowSeconds, 'renewWindowSeconds');
  const revoked = new Set<string>();
  const acceptsApp = (appId: string) => appIds === 'any' || appIds.includes(appId);

  async function issue(deviceId: string, appId: string, deviceCreated: boolean) {
    const iat = Math.floor(now() / 1000);
    const exp = iat + tokenLifetimeSeconds;
    const token = await mint.issue({ device_id: deviceId, app_id: appId, exp, iat });
    return {
      device_created: deviceCreated,
      access_token: token,
      expires_in: tokenLifetimeSeconds,
      expires: exp,
      device_id: deviceId,
    };
  }

  return {
    acceptsApp,

    createDevice: (appId) => issue(randomUUID(), appId, true),

    async renew(token, appId) {
      const claims = token === undefined ? null : await mint.read(token);
      const renewable =
        claims !== null &&
        claims.app_id === appId &&
        !revoked.has(claims.device_id) &&
        now() <= (claims.exp + renewWindowSeconds) * 1000;
      return claims && renewable ? issue(claims.device_id, appId, false) : null;
    },

    async authenticate(presented) {
      if (!presented) {
        throw new FirmlyApiError(401, 'MissingAuthHeader', 'Missing authorization header.');
      }
      const claims = await mint.read(presented.replace(/^Bearer\s+/i, ''));
      if (
        !claims ||
        now() >= claims.exp * 1000 ||
        revoked.has(claims.device_id) ||
        !acceptsApp(claims.app_id)
      ) {
        throw new FirmlyApiError(401, 'InvalidToken', 'Jwt token is invalid.');
      }
      return claims;
    },

    revokeDevice(deviceId) {
      revoked.add(deviceId);
    },

    setTokenLifetime(seconds) {
      tokenLifetimeSeconds = positiveWholeNumber(seconds, 'seconds');
    },

    setRenewWindow(seconds) {
      renewWindowSeconds = positiveWholeNumber(seconds, 'seconds');
    },

    renewWindowSeconds: () => renewWindowSeconds,
  };
}
