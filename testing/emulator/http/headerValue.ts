import type { IncomingMessage } from 'node:http';

/**
 * @param req - the incoming request
 * @param name - a header name, lower case
 * @returns the header's first value, or `undefined` when it is absent
 */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
