import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsPolicy } from '../cors/createCorsPolicy.js';
import { answerControl, type ControlTable } from './answerControl.js';
import { readBody } from './readBody.js';

/** An API request that the shared opening did not answer: its parts, for the API's own routes. */
export interface OpenedApiRequest {
  method: string;
  url: URL;
  path: string;
  raw: Buffer;
}

/** What an emulator's API brings to the opening every request shares. */
export interface ApiOpening {
  cors: CorsPolicy;
  counters: { preflights: number };
  /** The test controls, when the emulator serves them. */
  controls: ControlTable | undefined;
  /** The API's own error for a malformed or unknown control (see {@link answerControl}). */
  apiError: (status: number, message: string) => Error;
}

/**
 * The start of every API request on both emulators, so CORS, caching, preflights, body reading
 * and the test controls behave alike: it answers a preflight or a control itself.
 *
 * @param req - the request
 * @param res - the response
 * @param api - the emulator's CORS policy, counters, controls and error shape
 * @returns the request's parts for the API's routes, or `undefined` when it was answered here
 * @throws a {@link RequestBodyTooLarge} or the API's error for a bad control
 */
export async function openApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { cors, counters, controls, apiError }: ApiOpening,
): Promise<OpenedApiRequest | undefined> {
  cors.decorate(req, res);
  res.setHeader('Cache-Control', 'no-store');
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://api.invalid');
  const path = url.pathname;
  if (method === 'OPTIONS') {
    counters.preflights += 1;
    cors.answerPreflight(req, res);
    return undefined;
  }
  const raw = await readBody(req);
  if (controls && path.startsWith('/__emulator/')) {
    answerControl(req, res, raw, controls, apiError);
    return undefined;
  }
  return { method, url, path, raw };
}
