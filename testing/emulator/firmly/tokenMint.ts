import { compactVerify, generateKeyPair, SignJWT } from 'jose';

/** The claims Firmly puts in a browser-session token; times are unix seconds. */
export interface TokenClaims {
  device_id: string;
  app_id: string;
  exp: number;
  iat: number;
}

/** Signs and reads the emulator's session tokens. */
export interface TokenMint {
  /** @returns a signed RS256 JWT carrying exactly these claims */
  issue(claims: TokenClaims): Promise<string>;
  /**
   * Checks the signature only. Expiry is left to the caller because renewal accepts a token up to
   * a week past `exp` while cart calls do not.
   *
   * @returns the claims, or `null` for anything not signed by this mint or not shaped like ours
   */
  read(token: string): Promise<TokenClaims | null>;
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.device_id === 'string' &&
    typeof claims.app_id === 'string' &&
    Number.isInteger(claims.exp) &&
    Number.isInteger(claims.iat)
  );
}

/**
 * Creates a mint with a fresh RS256 key pair, so tokens from one emulator run are never accepted by
 * another, just as a token from a different issuer would be rejected by Firmly.
 *
 * @returns a mint holding its own key pair
 */
export async function createTokenMint(): Promise<TokenMint> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    issue: (claims) =>
      new SignJWT({ device_id: claims.device_id, app_id: claims.app_id })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuedAt(claims.iat)
        .setExpirationTime(claims.exp)
        .sign(privateKey),

    async read(token) {
      try {
        const { payload, protectedHeader } = await compactVerify(token, publicKey, {
          algorithms: ['RS256'],
        });
        if (protectedHeader.typ !== 'JWT') return null;
        const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
        return isClaims(claims) ? claims : null;
      } catch {
        return null;
      }
    },
  };
}
