import type { IncomingMessage } from 'node:http';
import { headerValue } from './headerValue.js';

/** What an echo route answers: the request's body as it arrived. */
export interface EchoedRequest {
  contentType: string | null;
  /** The body decoded as UTF-8. */
  body: string;
  /** The body's exact bytes, so a test can prove a binary upload arrived unchanged. */
  bodyBase64: string;
}

/**
 * The answer of both emulators' echo routes (`testControls` only): an authenticated call that
 * shows what reached the API, which is how a test sees that an interceptor re-sent a body intact.
 *
 * @param req - the request
 * @param raw - its body
 * @returns the content type and the body, as text and as base64
 */
export function echoedRequest(req: IncomingMessage, raw: Buffer): EchoedRequest {
  return {
    contentType: headerValue(req, 'content-type') ?? null,
    body: raw.toString('utf8'),
    bodyBase64: raw.toString('base64'),
  };
}
