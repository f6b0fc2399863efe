import type { InterceptInfo } from '../calls/InterceptInfo.js';
import { type ErrorInfo, InterceptorError, toErrorInfo } from '../errors/errors.js';
import type { SessionInfo } from '../session/SessionInfo.js';

/**
 * The one message protocol between the page and the worker, and its one request/reply
 * transport. Both sides import this module. Each request travels with its own `MessageChannel`;
 * the answer comes back on `ports[0]`, as `{ok: true, value}` or `{ok: false, error}`.
 */

/** Marks our messages, so a storefront's own messages on the same worker are left alone. */
export const PROTOCOL_TAG = 'sw-token-interceptor';

/** What the page may ask of the worker. Nothing here can change the worker's configuration. */
export type PageRequest =
  | { tag: typeof PROTOCOL_TAG; type: 'hello'; version: string }
  | { tag: typeof PROTOCOL_TAG; type: 'session' }
  | { tag: typeof PROTOCOL_TAG; type: 'clear' }
  | { tag: typeof PROTOCOL_TAG; type: 'claim' }
  /**
   * Readies the hand-off to Digital River's hosted checkout: the worker makes sure the token is
   * good for the trip (renewing it first if it is inside the margin) while the page, which may
   * have to run SessionToken, is still open, and checks the options (`search`, the hand-off
   * URL's query) so a bad one is a coded rejection rather than an error page. The token itself
   * never crosses to the page.
   */
  | { tag: typeof PROTOCOL_TAG; type: 'checkout'; search: string }
  /**
   * Hands one API call to the worker to send (a `keepalive` fetch, which some engines send past
   * the worker). The worker sends only calls to its API origins. A message is not delivered
   * again when the worker stops, as a fetch event is, so the port carries a short exchange that
   * has the call sent once, by the worker or by the page (`HandOffStep`). `committed`: the
   * page is leaving and cannot send the call itself, so the worker sends it without asking.
   */
  | { tag: typeof PROTOCOL_TAG; type: 'handOff'; call: HandedCall; committed: boolean };

/**
 * Marks a page's own fetch that asks the worker for an opaque redirect, which only a fetch can
 * produce: the page turns a handed call's opaque-redirect answer into the genuine article with
 * it. The worker answers it with a redirect and sends nothing; a redirect it hides reveals nothing.
 */
export const OPAQUE_REDIRECT_HEADER = 'x-sw-token-interceptor-opaque-redirect';

/**
 * An API call the page hands to the worker: what a `Request` holds, in a form `postMessage`
 * can carry. The body is the page's own where it can be posted as it is (so the call leaves
 * while a page that is going away can still post), otherwise its bytes.
 */
export interface HandedCall {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | Blob | ArrayBuffer | ArrayBufferView<ArrayBuffer> | null;
  credentials: RequestCredentials;
  /** The page's own choice, which the redirect guard honours as for a fetch event. */
  redirect: RequestRedirect;
}

/** The worker's answer to a {@link HandedCall}, read whole. */
export interface HandedAnswer {
  /** An opaque redirect (the call's `redirect: 'manual'`), which no `Response` constructor makes. */
  opaqueRedirect: boolean;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** What each page request's successful answer carries. */
export interface ReplyValues {
  /** The worker's build version, for the page to compare with its own. */
  hello: { version: string };
  session: SessionInfo;
  clear: null;
  claim: null;
  checkout: null;
  handOff: HandedAnswer;
}

/**
 * What the worker asks of a page: Digital River's SessionToken must run in the shopper's page.
 * With `apiKey` (the worker's `tokenVia: 'api-key'`) it asks for the token itself, without it
 * for a session token; the worker says which, since it is the one that reads the answer. The
 * page answers with what the JSONP callback received.
 */
export type WorkerRequest = { tag: typeof PROTOCOL_TAG; type: 'runSessionToken'; apiKey?: string };

/** What each worker request's successful answer carries. */
export interface WorkerReplyValues {
  /** The JSONP callback's argument, parsed by the provider. */
  runSessionToken: unknown;
}

/** The answer to a request, sent on `ports[0]`. */
export type Reply<T> =
  | { tag: typeof PROTOCOL_TAG; ok: true; value: T }
  | { tag: typeof PROTOCOL_TAG; ok: false; error: ErrorInfo };

/** What the worker tells pages unasked. */
export type WorkerEvent =
  | { tag: typeof PROTOCOL_TAG; type: 'session'; session: SessionInfo }
  | { tag: typeof PROTOCOL_TAG; type: 'error'; error: ErrorInfo }
  | { tag: typeof PROTOCOL_TAG; type: 'intercept'; intercepts: InterceptInfo[] };

/** A request without its tag, which {@link request} adds. */
export type Untagged<R> = R extends unknown ? Omit<R, 'tag'> : never;

/**
 * One handler per request type, each returning exactly that type's reply value, so the answering
 * side is checked against the same table the asking side reads. `report`, where the asking side
 * can be told, tells it how a call it handed over went; `port` is the request's own, for an
 * exchange before the answer (a hand-off's `HandOffStep`s).
 */
export type Handlers<R extends { type: string }, V extends Record<R['type'], unknown>> = {
  [K in R['type']]: (
    request: Extract<R, { type: K }>,
    report?: ReportCall,
    port?: MessagePort,
  ) => Promise<V[K]>;
};

/** Tells a page how an API call made for it went. */
export type ReportCall = (info: InterceptInfo) => void;

const REQUEST_TYPES = new Set(['hello', 'session', 'clear', 'claim', 'checkout', 'handOff']);
const EVENT_TYPES = new Set<string>(['session', 'error', 'intercept']);

function isTagged(data: unknown): data is { tag: string; type?: unknown; ok?: unknown } {
  return (
    typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === PROTOCOL_TAG
  );
}

/**
 * @param data - a message's data
 * @returns whether it is one of ours at all (it may still be malformed)
 */
export function isOurMessage(data: unknown): boolean {
  return isTagged(data);
}

/**
 * @param data - a message the worker received
 * @returns whether it is a well-formed page request
 */
export function isPageRequest(data: unknown): data is PageRequest {
  if (!isTagged(data) || typeof data.type !== 'string' || !REQUEST_TYPES.has(data.type))
    return false;
  if (data.type === 'hello') return typeof (data as { version?: unknown }).version === 'string';
  if (data.type === 'checkout') return typeof (data as { search?: unknown }).search === 'string';
  if (data.type === 'handOff') {
    const { call, committed } = data as {
      call?: Partial<Record<keyof HandedCall, unknown>>;
      committed?: unknown;
    };
    return (
      typeof committed === 'boolean' &&
      typeof call?.url === 'string' &&
      typeof call.method === 'string' &&
      Array.isArray(call.headers) &&
      typeof call.credentials === 'string'
    );
  }
  return true;
}

/**
 * @param data - a message the page received
 * @returns whether it is a well-formed worker event
 */
export function isWorkerEvent(data: unknown): data is WorkerEvent {
  return isTagged(data) && typeof data.type === 'string' && EVENT_TYPES.has(data.type);
}

/**
 * @param data - a message the page received
 * @returns whether the worker asks the page to do something
 */
export function isWorkerRequest(data: unknown): data is WorkerRequest {
  if (!isTagged(data) || data.type !== 'runSessionToken') return false;
  const { apiKey } = data as { apiKey?: unknown };
  return apiKey === undefined || typeof apiKey === 'string';
}

/**
 * @param data - an answer received on a port
 * @returns whether it is a well-formed reply
 */
export function isReply(data: unknown): data is Reply<unknown> {
  return isTagged(data) && typeof data.ok === 'boolean';
}

/**
 * @param value - the answer's value
 * @returns a successful reply
 */
export function ok<T>(value: T): Reply<T> {
  return { tag: PROTOCOL_TAG, ok: true, value };
}

/**
 * @param error - why the request failed; anything not coded becomes `TokenUnavailable`
 * @returns a failed reply carrying the coded error, never a stack or a token
 */
export function fail(error: unknown): Reply<never> {
  return { tag: PROTOCOL_TAG, ok: false, error: toErrorInfo(error) };
}

/** How long to wait, and what to say when nobody answers. */
export interface RequestOptions {
  timeoutMs: number;
  /** The error for a request nobody answered in time; it names what was asked. */
  timeoutError: () => InterceptorError;
  /** Abandons the wait (the answer, if it still comes, is ignored). */
  signal?: AbortSignal;
}

/**
 * Sends one request over a fresh `MessageChannel` and waits for its answer on `ports[0]`. The
 * same transport serves both directions: the page asking its worker, and the worker asking a page.
 *
 * @param post - hands the message and the port to the other side (`worker.postMessage`, `client.postMessage`)
 * @param message - the untagged request
 * @param options - timeout and abort
 * @returns the answer's value
 * @throws InterceptorError with the code the other side reported, `ProtocolError` for a malformed
 *   answer, the timeout error, or the signal's reason
 */
export function request<M extends { type: string }>(
  post: (message: unknown, transfer: MessagePort[]) => void,
  message: M,
  options: RequestOptions,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const channel = new MessageChannel();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      channel.port1.close();
    };
    const onAbort = () => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      done();
      reject(options.timeoutError());
    }, options.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    channel.port1.onmessage = (event: MessageEvent) => {
      done();
      const reply: unknown = event.data;
      if (!isReply(reply)) reject(new InterceptorError('ProtocolError'));
      else if (reply.ok) resolve(reply.value);
      else reject(InterceptorError.fromInfo(reply.error));
    };
    try {
      post({ ...message, tag: PROTOCOL_TAG }, [channel.port2]);
    } catch (error) {
      done();
      reject(error);
    }
  });
}

/**
 * Answers one request with the handler for its type; a request that fails `isValid` (malformed,
 * or one this side does not accept) is answered with `ProtocolError`.
 *
 * @param handlers - one per request type
 * @param data - the received message
 * @param isValid - the guard for this side's requests
 * @param report - tells the asking side how a call made for it went, handed to the handler
 * @param port - the request's port, handed to the handler
 * @returns the reply to post on `ports[0]`
 */
export async function answer<R extends { type: string }, V extends Record<R['type'], unknown>>(
  handlers: Handlers<R, V>,
  data: unknown,
  isValid: (data: unknown) => data is R,
  report?: ReportCall,
  port?: MessagePort,
): Promise<Reply<unknown>> {
  if (!isValid(data)) return fail(new InterceptorError('ProtocolError'));
  const handler = handlers[data.type as R['type']] as (
    request: R,
    report?: ReportCall,
    port?: MessagePort,
  ) => Promise<unknown>;
  try {
    return ok(await handler(data, report, port));
  } catch (error) {
    return fail(error);
  }
}
