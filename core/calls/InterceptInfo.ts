import type { ErrorInfo } from '../errors/errors.js';

/** What the page is told about one call the interceptor handled. */
export interface InterceptInfo {
  method: string;
  url: string;
  /** The status the page got; 0 when the call failed without an answer. */
  status: number;
  /** Whether a 401 made the call go out a second time, with a renewed token. */
  retried: boolean;
  /** Why the call failed without an answer (`ApiUnreachable`), token-free, when it did. */
  failure?: ErrorInfo;
}
