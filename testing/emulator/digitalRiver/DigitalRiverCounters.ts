/** What the Digital River emulator has seen since it started or was last reset. */
export interface DigitalRiverCounters {
  /** Every `SessionToken` request to the store, whatever its outcome. */
  sessionToken: number;
  /** Every `grant_type=password` request to the token endpoint, whatever its outcome. */
  passwordGrants: number;
  /** Every `grant_type=refresh_token` request to the token endpoint, whatever its outcome. */
  refreshGrants: number;
  /** Refresh grants refused with 401 because the refresh token was rotated, revoked or unknown. */
  refreshRejected: number;
  /** Token requests refused with 401 `invalid_client`: no client identification, or an unknown key. */
  clientRejected: number;
  /** Every request to a Shopper API route (including the echo route), whatever its outcome. */
  cartCalls: number;
  /** Shopper API calls refused with 401 for a missing, unknown or expired access token. */
  unauthorized: number;
  /** `OPTIONS` requests to the API origin. */
  preflights: number;
  /** Requests answered with a redirect set by `redirect()`. */
  redirects: number;
  /** Requests to the store origin that carried an `Authorization` header (a client should send none). */
  storeRequestsWithAuth: number;
  /** Requests on either origin whose client closed the connection before the answer (aborted calls). */
  abandoned: number;
}
