/** One request as the Digital River emulator saw it; tokens are redacted from every field. */
export interface DigitalRiverRequestLogEntry {
  origin: 'store' | 'api';
  method: string;
  /** Path and query string. */
  path: string;
  /** Whether an `Authorization` header arrived (its value is never kept). */
  hasAuth: boolean;
  contentType: string | null;
  /** The raw body decoded as UTF-8. */
  body: string;
}
