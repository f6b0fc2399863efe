/** What the Firmly emulator has seen since it started or was last reset. */
export interface FirmlyEmulatorCounters {
  /** Every `POST /api/v1/browser-session`, whatever its outcome. */
  browserSession: number;
  /** Browser sessions that renewed a token and kept its device. */
  renewals: number;
  /** Browser sessions that created a new device. */
  devicesCreated: number;
  /** Every request to a cart route (including the echo route), whatever its outcome. */
  cartCalls: number;
  /** Cart calls rejected with 401 for a missing or invalid token. */
  unauthorized: number;
  /** `OPTIONS` requests on any path. */
  preflights: number;
  /** Requests answered with a redirect set by `redirect()`. */
  redirects: number;
  /** Requests whose client closed the connection before the answer was sent (aborted calls). */
  abandoned: number;
}
