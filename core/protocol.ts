import type { InterceptInfo } from './createAuthorizedFetch.js';
import type { ErrorInfo } from './errors.js';
import type { SessionInfo } from './SessionInfo.js';

/**
 * The one message protocol between the page and the worker. Both sides import this module.
 * Each page request travels with its own `MessageChannel`; the worker answers on `ports[0]`.
 */

/** Marks our messages, so a storefront's own messages on the same worker are left alone. */
export const PROTOCOL_TAG = 'sw-token-interceptor';

/** What the page may ask of the worker. Nothing here can change the worker's configuration. */
export type PageRequest =
  | { tag: typeof PROTOCOL_TAG; type: 'hello'; version: string }
  | { tag: typeof PROTOCOL_TAG; type: 'session' }
  | { tag: typeof PROTOCOL_TAG; type: 'clear' }
  | { tag: typeof PROTOCOL_TAG; type: 'claim' };

/** What each request's successful answer carries. */
export interface ReplyValues {
  /** The worker's build version, for the page to compare with its own. */
  hello: { version: string };
  session: SessionInfo;
  clear: null;
  claim: null;
}

/** The answer to a page request, sent on `ports[0]`. */
export type Reply<T> =
  | { tag: typeof PROTOCOL_TAG; ok: true; value: T }
  | { tag: typeof PROTOCOL_TAG; ok: false; error: ErrorInfo };

/**
 * What the worker asks of a page: Digital River's SessionToken must run in the shopper's page.
 * The page answers on `ports[0]` with a {@link Reply} carrying what the JSONP callback received.
 */
export type WorkerRequest = { tag: typeof PROTOCOL_TAG; type: 'runSessionToken' };

/** What the worker tells pages unasked. */
export type WorkerEvent =
  | { tag: typeof PROTOCOL_TAG; type: 'session'; session: SessionInfo }
  | { tag: typeof PROTOCOL_TAG; type: 'error'; error: ErrorInfo }
  | { tag: typeof PROTOCOL_TAG; type: 'intercept'; intercepts: InterceptInfo[] };

const REQUEST_TYPES = new Set<string>(['hello', 'session', 'clear', 'claim']);
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
  return data.type !== 'hello' || typeof (data as { version?: unknown }).version === 'string';
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
  return isTagged(data) && data.type === 'runSessionToken';
}

/**
 * @param data - an answer the page received on its port
 * @returns whether it is a well-formed reply
 */
export function isReply(data: unknown): data is Reply<unknown> {
  return isTagged(data) && typeof data.ok === 'boolean';
}
