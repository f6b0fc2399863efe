import type { IncomingMessage } from 'node:http';
import { headerValue } from './headerValue.js';

/**
 * @param req - the incoming request
 * @param name - the cookie's name
 * @returns the cookie's value, or `undefined` when the request carried no such cookie
 */
export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (headerValue(req, 'cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name && value.length > 0) return value.join('=');
  }
  return undefined;
}
