import type { ServerResponse } from 'node:http';

/**
 * Answers with plain text, as a store page does where no API error shape applies.
 *
 * @param res - the response, headers not yet sent
 * @param status - the HTTP status
 * @param text - the body
 */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}
