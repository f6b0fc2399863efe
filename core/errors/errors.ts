/**
 * Every error this library reports, by stable code. Users search for these codes, so a code is
 * never renamed; the page sees the same code the worker saw.
 */
export const ErrorCode = {
  /** A `data-*` attribute or `install()` option is missing or malformed. */
  ConfigInvalid: 'ConfigInvalid',
  /** The API rejected the application id. Retrying cannot help. */
  InvalidAppId: 'InvalidAppId',
  /** Digital River rejected the public API key. Retrying cannot help. */
  InvalidApiKey: 'InvalidApiKey',
  /** Digital River's SessionToken action could not be run in a page (none open, or it failed). */
  SessionTokenFailed: 'SessionTokenFailed',
  /** The token is too old to renew; a fresh session (and device) is needed. */
  TokenExpired: 'TokenExpired',
  /** No token could be obtained (network, server error, malformed answer). */
  TokenUnavailable: 'TokenUnavailable',
  /**
   * The API refused token after token it had just issued (a revoked app, an origin it does not
   * serve): renewals wait, longer each time, and calls meanwhile are answered 503.
   */
  TokenRefused: 'TokenRefused',
  /** No service worker could be registered or take control of the page. */
  WorkerUnavailable: 'WorkerUnavailable',
  /** A page message did not follow the protocol. */
  ProtocolError: 'ProtocolError',
  /** The page script and the worker come from different builds (a warning: both keep working). */
  VersionMismatch: 'VersionMismatch',
  /**
   * The API answered a call that carried the token with a redirect that could not be followed
   * without risking the token leaving the API origin.
   */
  RedirectRefused: 'RedirectRefused',
  /** An API call could not be completed: a network failure, or the API's CORS policy refused it. */
  ApiUnreachable: 'ApiUnreachable',
  /**
   * A warning: IndexedDB or the Web Locks API refused or did not answer (site data blocked, a
   * stalled database). The session is kept in memory; calls still carry the token.
   */
  StorageUnavailable: 'StorageUnavailable',
} as const;

/** One of the stable error codes in {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one message for each code; details (never a token) are appended in parentheses. */
export const errorMessages: Readonly<Record<ErrorCode, string>> = {
  ConfigInvalid: 'Invalid configuration',
  InvalidAppId: 'The API rejected the application id',
  InvalidApiKey: 'The API rejected the API key',
  SessionTokenFailed: 'SessionToken failed in the page',
  TokenExpired: 'The token is too old to renew',
  TokenUnavailable: 'No session token from the API',
  TokenRefused: 'The API refuses its tokens',
  WorkerUnavailable: 'No service worker in control',
  ProtocolError: 'Malformed page/worker message',
  VersionMismatch: 'Page script and worker differ in build',
  RedirectRefused: 'Redirect not followed: the call carries the token',
  ApiUnreachable: 'API call failed (network or CORS)',
  StorageUnavailable: 'Storage refused: the session is kept in memory',
};

/** The serialisable form of an error, as it travels between the worker and the page. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** What the upstream API answered, kept so a page's call can be answered with the API's own body. */
export interface UpstreamAnswer {
  status: number;
  body: string;
  /** How long the API asked us to wait (`Retry-After`), when it did. */
  retryAfterMs?: number;
}

/** An error with a stable {@link ErrorCode}. */
export class InterceptorError extends Error {
  override readonly name = 'InterceptorError';
  /** The stable code to branch on. */
  readonly code: ErrorCode;
  /** The API's own answer, when the error came from one. */
  readonly upstream: UpstreamAnswer | undefined;

  /**
   * @param code - the stable code
   * @param detail - a short, token-free detail such as the offending field's name
   * @param upstream - the API's answer that caused this error, if any
   */
  constructor(code: ErrorCode, detail?: string, upstream?: UpstreamAnswer) {
    super(detail ? `${errorMessages[code]} (${detail})` : errorMessages[code]);
    this.code = code;
    this.upstream = upstream;
  }

  /**
   * Rebuilds an error that crossed the page/worker boundary, keeping its code and message.
   *
   * @param info - the error as it travelled
   * @returns the same error on this side
   */
  static fromInfo(info: ErrorInfo): InterceptorError {
    const error = new InterceptorError(info.code);
    error.message = info.message;
    return error;
  }

  /** @returns the form that crosses the page/worker boundary */
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/**
 * Turns anything thrown into an {@link ErrorInfo}. Unknown errors become `TokenUnavailable`
 * without their message, because a foreign message could echo a request that held a token.
 *
 * @param error - whatever was caught
 * @returns a coded, token-free description
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  return asInterceptorError(error).toInfo();
}

/**
 * Turns anything thrown into an {@link InterceptorError}, on the same terms as
 * {@link toErrorInfo}.
 *
 * @param error - whatever was caught
 * @returns the error itself when coded, else a bare `TokenUnavailable`
 */
export function asInterceptorError(error: unknown): InterceptorError {
  return error instanceof InterceptorError ? error : new InterceptorError('TokenUnavailable');
}
