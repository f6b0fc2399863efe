import { describe, expect, it } from 'vitest';
import { setupAuthorizedFetch, url } from './authorizedFetch.fixtures.js';

const INVALID_TOKEN = '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** An API that refuses every token it is sent: a revoked app, an origin it does not serve. */
const refusingEveryToken = () =>
  setupAuthorizedFetch(() => new Response(INVALID_TOKEN, { status: 401 }));

describe('an API that refuses every token it is sent', () => {
  it('fifty calls one after another make two token requests and three cart requests', async () => {
    const { send, seen, provider, options } = refusingEveryToken();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await send(new Request(url))).status);
    // The first token refused is renewed at once; its replacement refused too, renewals wait.
    expect(provider.calls).toHaveLength(2);
    expect(seen).toHaveLength(3);
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.slice(2)).toEqual(Array(48).fill(503));
    expect(options.errors).toEqual([
      {
        code: 'TokenRefused',
        message: 'The API refuses its tokens (two in a row)',
      },
    ]);
  });

  it('counts a renewal to the very same token string as a token of its own', async () => {
    const { send, provider } = refusingEveryToken();
    // Renewed within the second it was issued: the same claims, so the same string.
    const grant = { token: 'same-string', expiresInSeconds: 3600, deviceId: 'd' };
    provider.answers.push({ ...grant, deviceCreated: true }, { ...grant, deviceCreated: false });
    for (let i = 0; i < 10; i++) await send(new Request(url));
    expect(provider.calls).toHaveLength(2);
  });

  it('answers the calls that meet the wait with a coded 503 and the wait left', async () => {
    const { send, options } = refusingEveryToken();
    await send(new Request(url));
    await send(new Request(url));
    options.clock.now += 4 * SECOND;
    const response = await send(new Request(url));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('6');
    expect(await response.json()).toEqual({
      code: 503,
      error: 'TokenRefused',
      description: 'The API refuses its tokens (2 in a row; renewing in 6 s)',
      message: 'The API refuses its tokens (2 in a row; renewing in 6 s)',
    });
  });

  it('a call a second for five minutes: four token requests in the first minute, then one a minute', async () => {
    const { send, provider, options } = refusingEveryToken();
    const started = options.clock.now;
    const tokenRequestsBy: Record<number, number> = {};
    for (let second = 0; second < 300; second++) {
      options.clock.now = started + second * SECOND;
      await send(new Request(url));
      tokenRequestsBy[second + 1] = provider.calls.length;
    }
    expect(tokenRequestsBy[60]).toBe(4);
    expect(tokenRequestsBy[300]).toBe(8);
    expect(options.errors).toHaveLength(1);
    expect(options.clock.now - started).toBeLessThan(5 * MINUTE);
  });

  it('bursts of twenty calls: the first two bursts meet the API, the rest wait', async () => {
    const { send, seen, provider } = refusingEveryToken();
    const burst = () => Promise.all(Array.from({ length: 20 }, () => send(new Request(url))));
    const answered: number[][] = [];
    for (let i = 0; i < 5; i++) answered.push((await burst()).map((r) => r.status));
    expect(provider.calls).toHaveLength(2);
    // Twenty calls and their twenty replays, then twenty calls whose renewal waits.
    expect(seen).toHaveLength(60);
    expect(answered.slice(0, 2).flat()).toEqual(Array(40).fill(401));
    expect(answered.slice(2).flat()).toEqual(Array(60).fill(503));
  });
});

describe('an API that refused a token and its replacement, then accepts again', () => {
  it('takes the token asked for after the wait, and a later refusal is renewed at once', async () => {
    let refusing = true;
    const { send, provider, options } = setupAuthorizedFetch(() =>
      refusing ? new Response(INVALID_TOKEN, { status: 401 }) : new Response('{}'),
    );
    await send(new Request(url));
    await send(new Request(url));
    expect((await send(new Request(url))).status).toBe(503);
    refusing = false;
    options.clock.now += 10 * SECOND;
    expect((await send(new Request(url))).status).toBe(200);
    expect(provider.calls).toHaveLength(3);
    // A token revoked later is a new story: renewed at once (docs/decisions/018).
    refusing = true;
    expect((await send(new Request(url))).status).toBe(401);
    expect(provider.calls).toHaveLength(4);
    expect(options.errors).toHaveLength(1);
  });
});
