import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './sendJson.js';

/**
 * An emulator's test controls, keyed `"METHOD /__emulator/name"`. A control gets the request's JSON
 * body (`{}` when empty) and returns what to answer as JSON, or `undefined` for `204 No Content`.
 * It throws a `TypeError` for a malformed body.
 */
export type ControlTable = Readonly<Record<string, (body: unknown) => unknown>>;

/**
 * Runs one test control, so browser tests can steer an emulator over HTTP the same way on both.
 *
 * @param req - the request
 * @param res - the response
 * @param raw - the request body
 * @param controls - the emulator's controls
 * @param apiError - the API's own error for a status and a message (400 for a bad body, 404 for
 *   an unknown control), thrown so it leaves in the API's error shape
 * @throws whatever `apiError` builds
 */
export function answerControl(
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  controls: ControlTable,
  apiError: (status: number, message: string) => Error,
): void {
  const route = `${req.method} ${new URL(req.url ?? '/', 'http://emulator.invalid').pathname}`;
  const control = controls[route];
  if (!control) throw apiError(404, `No test control at ${route}.`);
  let answer: unknown;
  try {
    const text = raw.toString('utf8');
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new TypeError('body must be JSON');
      }
    }
    answer = control(body ?? {});
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw apiError(400, error.message);
  }
  if (answer === undefined) res.writeHead(204).end();
  else sendJson(res, 200, answer);
}
