import type { ServerResponse } from 'node:http';

/**
 * Answers with a JSON body. Every emulator answer goes through here, so each carries the same
 * content type whatever the route.
 *
 * @param res - the response, headers not yet sent
 * @param status - the HTTP status
 * @param body - any JSON-serialisable value
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}
