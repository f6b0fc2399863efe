/** The redirect statuses an emulator can answer with. */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

/**
 * A redirect an emulator answers instead of serving a path, so a test can see what a client does
 * when an API call is moved, within the API origin or to another origin. It is answered before
 * authentication, as a load balancer in front of the API would.
 */
export interface EmulatorRedirect {
  /** The exact path (no query string) that redirects, such as `/api/v1/domains/shop.example/cart`. */
  path: string;
  /** The status; 307 and 308 keep the method and body, 301, 302 and 303 turn a POST into a GET. */
  status: RedirectStatus;
  /**
   * The `Location` header as sent: an absolute URL (another origin) or a path (the same origin,
   * which the browser resolves against the URL it called).
   */
  location: string;
  /** Only requests with this method redirect (any method when left out). */
  method?: string;
  /** How many requests redirect before the path is served again (every one when left out). */
  times?: number;
}
