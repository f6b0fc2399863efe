import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/sendJson.js';
import type { Fault } from './Fault.js';

/** What a fault's answer looks like in one API's own shapes. */
export interface FaultShapes {
  /** @returns the API's error body for a fault's status, with the API's own error code */
  errorBody(status: 429 | 500 | 503): unknown;
  /** A 200 body that lacks what a client needs (`missingFields`). */
  incompleteBody: unknown;
}

/**
 * Answers a request the way a fault says, in the API's own error shape.
 *
 * @param fault - the fault taken for this request
 * @param req - the request (its socket is destroyed by `drop`)
 * @param res - the response, headers not yet sent
 * @param shapes - the API's bodies
 */
export function answerFault(
  fault: Fault<string>,
  req: IncomingMessage,
  res: ServerResponse,
  shapes: FaultShapes,
): void {
  if (fault.retryAfter !== undefined) {
    res.setHeader('Retry-After', String(fault.retryAfter));
    // Retry-After is not a CORS-safelisted response header: a page or worker on another origin
    // reads it only when the API lists it, as an API that wants browsers to wait has to.
    const exposed = res.getHeader('Access-Control-Expose-Headers');
    res.setHeader(
      'Access-Control-Expose-Headers',
      exposed === undefined ? 'Retry-After' : `${String(exposed)}, Retry-After`,
    );
  }
  switch (fault.kind) {
    case 'status429':
      sendJson(res, 429, shapes.errorBody(429));
      return;
    case 'status500':
      sendJson(res, 500, shapes.errorBody(500));
      return;
    case 'status503':
      sendJson(res, 503, shapes.errorBody(503));
      return;
    case 'timeout':
      // Never answer; close() ends the connection.
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'malformedJson':
      res
        .writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
        .end('{"access_token":');
      return;
    case 'html':
      res
        .writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    case 'missingFields':
      sendJson(res, 200, shapes.incompleteBody);
      return;
  }
}
