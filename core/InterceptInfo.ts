/** What the page is told about one call the interceptor handled. */
export interface InterceptInfo {
  method: string;
  url: string;
  /** The status the page got. */
  status: number;
  /** Whether a 401 made the call go out a second time, with a renewed token. */
  retried: boolean;
}
