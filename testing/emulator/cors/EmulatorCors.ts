/**
 * How an emulator answers CORS. Every field is optional; a field left out keeps its current value.
 * By default an emulator answers the way a browser client needs a credentialed API to: it mirrors
 * the page's origin and the headers its preflight asks for, with credentials.
 */
export interface EmulatorCors {
  /**
   * Page origins allowed to read answers: `'echo'` mirrors any origin (but never `null`), `'*'`
   * answers the wildcard, which browsers refuse for credentialed calls, and a list allows exactly
   * those origins.
   */
  allowOrigins?: string[] | 'echo' | '*';
  /**
   * Request headers a preflight allows beyond the API's own (its auth and content headers, which
   * are always allowed): `'echo'` allows whatever the preflight asks for, a list allows exactly
   * those extra headers (`[]`: none), so a test can see a storefront's own header refused.
   */
  allowHeaders?: string[] | 'echo';
  /**
   * Whether answers carry `Access-Control-Allow-Credentials: true`, which credentialed calls
   * (`credentials: 'include'`, `withCredentials`) need. Never sent with the `'*'` origin, which
   * the Fetch standard forbids with credentials.
   */
  allowCredentials?: boolean;
  /** How long a browser may cache a preflight answer (`Access-Control-Max-Age`), in seconds. */
  maxAgeSeconds?: number;
  /**
   * Leaves every CORS header off `401` answers, so the page cannot read them and sees a network
   * error (status 0), as Digital River's HTML5 sample says its API once did. Off by default.
   */
  omitOnUnauthorized?: boolean;
}
