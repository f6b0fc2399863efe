/** One cart call as the Firmly emulator saw it; tokens are redacted from every field. */
export interface RequestLogEntry {
  method: string;
  /** Path and query string. */
  path: string;
  origin: string | null;
  /** Whether an `x-firmly-authorization` header arrived (its value is never kept). */
  hasAuth: boolean;
  contentType: string | null;
  /** The raw body decoded as UTF-8. */
  body: string;
}
