import { describe, expect, it } from 'vitest';
import { post, setupAuthorizedFetch, url } from './authorizedFetch.fixtures.js';

describe('where refusals may come without CORS headers, a network error (docs/decisions/017)', () => {
  const networkErrorFirst = (_: Request, attempt: number) => {
    if (attempt === 1) throw new TypeError('Failed to fetch');
    return new Response('{}');
  };

  it('renews the token and replays an idempotent call once', async () => {
    const { send, seen, intercepts } = setupAuthorizedFetch(networkErrorFirst, {
      opaqueRefusals: true,
    });
    const response = await send(new Request(url));
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.auth).not.toBe(seen[0]?.auth);
    expect(intercepts).toEqual([{ method: 'GET', url, status: 200, retried: true }]);
  });

  it('hands a POST its network error, and its next call carries the renewed token', async () => {
    const { send, seen } = setupAuthorizedFetch(networkErrorFirst, { opaqueRefusals: true });
    await expect(send(post('{"n":1}'))).rejects.toThrow('Failed to fetch');
    expect(seen).toHaveLength(1);
    expect((await send(post('{"n":1}'))).status).toBe(200);
    expect(seen[1]?.auth).not.toBe(seen[0]?.auth);
  });

  it('renews once per run of network errors, so an outage costs one token request', async () => {
    const { send, seen, provider } = setupAuthorizedFetch(
      () => {
        throw new TypeError('Failed to fetch');
      },
      { opaqueRefusals: true },
    );
    await expect(send(new Request(url))).rejects.toThrow('Failed to fetch');
    await expect(send(new Request(url))).rejects.toThrow('Failed to fetch');
    await expect(send(new Request(url))).rejects.toThrow('Failed to fetch');
    // The first call and its replay with the renewed token; then each call once, as it was.
    expect(provider.calls).toHaveLength(2);
    expect(seen).toHaveLength(4);
  });

  it('leaves a network error alone for a provider whose refusals carry CORS headers', async () => {
    const { send, provider } = setupAuthorizedFetch(networkErrorFirst);
    await expect(send(new Request(url))).rejects.toThrow('Failed to fetch');
    expect(provider.calls).toHaveLength(1);
  });
});
