import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** An error an emulator answers with its own status and body. */
export interface AnswerableError {
  status: number;
  toBody(): unknown;
}

/**
 * Creates an emulator's HTTP server: counts requests the client abandoned (aborted calls), and
 * answers whatever a handler throws with the API's error shape. Anything unexpected leaves
 * without its message, which could quote a request holding a token.
 *
 * @param handle - the emulator's request handler
 * @param counters - where `abandoned` is counted
 * @param toAnswer - the API's error for what was thrown (its own errors pass through; anything
 *   else becomes a 500)
 * @returns the server, not yet listening
 */
export function createApiServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  counters: { abandoned: number },
  toAnswer: (error: unknown) => AnswerableError,
): Server {
  return createServer((req, res) => {
    res.on('close', () => {
      if (!res.writableFinished) counters.abandoned += 1;
    });
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const answer = toAnswer(error);
      res
        .writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(answer.toBody()));
    });
  });
}
