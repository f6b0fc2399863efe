import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import { providerError } from '../testDoubles.fixtures.js';
import { post, setupAuthorizedFetch, url } from './authorizedFetch.fixtures.js';

describe('createAuthorizedFetch', () => {
  it('sends the call with the raw token, its body intact', async () => {
    const { send, seen, intercepts } = setupAuthorizedFetch(() => new Response('{}'));
    const response = await send(post('{"quantity":1}'));
    expect(response.status).toBe(200);
    expect(seen).toEqual([
      { auth: expect.stringMatching(/^secret-token-/), body: '{"quantity":1}' },
    ]);
    expect(intercepts).toEqual([{ method: 'POST', url, status: 200, retried: false }]);
  });

  it('answers 503 TokenUnavailable when no token can be had, without sending the call', async () => {
    const { send, seen, provider } = setupAuthorizedFetch(() => new Response('{}'));
    for (let i = 0; i < 4; i++) provider.answers.push(providerError(ErrorCode.TokenUnavailable));
    const response = await send(new Request(url));
    expect(response.status).toBe(503);
    // Ours (error, message) and Firmly's own error shape (code, error, description).
    expect(await response.json()).toEqual({
      code: 503,
      error: 'TokenUnavailable',
      description: 'No session token from the API',
      message: 'No session token from the API',
    });
    expect(seen).toEqual([]);
  });

  it("answers a refused application id with the API's own 400", async () => {
    const { send, provider } = setupAuthorizedFetch(() => new Response('{}'));
    const body = '{"error":"InvalidAppId","message":"Application ID is invalid or not found"}';
    provider.answers.push(providerError(ErrorCode.InvalidAppId, { status: 400, body }));
    const response = await send(new Request(url));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(body);
  });

  it('sends a call that carries its own token unchanged, without asking for one', async () => {
    const { send, seen, provider, intercepts } = setupAuthorizedFetch(() => new Response('{}'));
    const response = await send(
      new Request(url, { headers: { 'x-firmly-authorization': 'the-sdk-own-token' } }),
    );
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ auth: 'the-sdk-own-token', body: '' }]);
    expect(provider.calls).toEqual([]);
    expect(intercepts).toEqual([]);
  });

  it('hands a 429 from a cart call to the page unchanged, and does not retry it', async () => {
    const { send, seen } = setupAuthorizedFetch(
      () =>
        new Response('{"error":"TooManyRequests"}', {
          status: 429,
          headers: { 'retry-after': '3' },
        }),
    );
    const response = await send(new Request(url));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.text()).toBe('{"error":"TooManyRequests"}');
    expect(seen).toHaveLength(1);
  });

  it('answers 503 with Retry-After when the token endpoint asked for a wait', async () => {
    const { send, provider } = setupAuthorizedFetch(() => new Response('{}'));
    provider.answers.push(
      providerError(ErrorCode.TokenUnavailable, { status: 429, body: '', retryAfterMs: 60_000 }),
    );
    const response = await send(new Request(url));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
  });
});
