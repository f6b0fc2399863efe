import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors/errors.js';
import { requestWithin } from './requestWithin.js';

describe('requestWithin', () => {
  it('turns a 429 into a retryable TokenUnavailable that keeps the asked wait', async () => {
    const send = async () =>
      new Response('{"error":"TooManyRequests"}', {
        status: 429,
        headers: { 'retry-after': '3' },
      });
    await expect(requestWithin(send, undefined, 5000, 'browser-session')).rejects.toMatchObject({
      code: 'TokenUnavailable',
      upstream: { status: 429, retryAfterMs: 3000 },
    });
  });

  it('hands any other answer to the parse step whole', async () => {
    const send = async () => new Response('{"a":1}', { status: 503 });
    await expect(requestWithin(send, undefined, 5000, 'browser-session')).resolves.toEqual({
      status: 503,
      body: '{"a":1}',
    });
  });

  it('reports a lost request as unreachable, with no answer attached', async () => {
    const send = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await requestWithin(send, undefined, 5000, 'browser-session').catch(
      (e: Error) => e,
    );
    expect(error).toMatchObject({ code: 'TokenUnavailable', upstream: undefined });
    // The browser's own message (which could echo the request) does not reach the page.
    expect(toErrorInfo(error)).toEqual({
      code: 'TokenUnavailable',
      message: 'No session token from the API (browser-session unreachable)',
    });
  });
});
