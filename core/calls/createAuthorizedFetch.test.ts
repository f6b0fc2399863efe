import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import { createTokenSession } from '../session/createTokenSession.js';
import {
  providerError,
  type ScriptedProvider,
  testSessionOptions,
} from '../testDoubles.fixtures.js';
import { createAuthorizedFetch } from './createAuthorizedFetch.js';
import type { InterceptInfo } from './InterceptInfo.js';

const API = 'https://api.firmly.work';
const url = `${API}/api/v2/domains/shop/cart/line-items`;
const isApi = (u: string) => new URL(u).origin === API;

function setup(
  answer: (request: Request, attempt: number) => Response,
  { opaqueRefusals = false } = {},
) {
  const options = testSessionOptions();
  const provider = options.provider as ScriptedProvider;
  Object.assign(provider, { opaqueRefusals });
  const session = createTokenSession(options);
  const seen: { auth: string | null; body: string }[] = [];
  const intercepts: unknown[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    const request = input as Request;
    seen.push({ auth: request.headers.get('x-firmly-authorization'), body: await request.text() });
    return answer(request, seen.length);
  }) as typeof fetch;
  const authorizedFetch = createAuthorizedFetch(session, provider, fetchFn, isApi);
  const send = (request: Request) => authorizedFetch(request, (info) => intercepts.push(info));
  return { send, seen, provider, intercepts };
}

const INVALID_TOKEN = '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}';
const INVALID_OTP = '{"code":401,"error":"InvalidOtp"}';

const post = (body: BodyInit) =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('createAuthorizedFetch', () => {
  it('sends the call with the raw token, its body intact', async () => {
    const { send, seen, intercepts } = setup(() => new Response('{}'));
    const response = await send(post('{"quantity":1}'));
    expect(response.status).toBe(200);
    expect(seen).toEqual([
      { auth: expect.stringMatching(/^secret-token-/), body: '{"quantity":1}' },
    ]);
    expect(intercepts).toEqual([{ method: 'POST', url, status: 200, retried: false }]);
  });

  it('renews once on a 401 about the session and replays the same bytes', async () => {
    const { send, seen, intercepts } = setup((_, attempt) =>
      attempt === 1 ? new Response(INVALID_TOKEN, { status: 401 }) : new Response('{}'),
    );
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const response = await send(post(new Blob([bytes])));
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.auth).not.toBe(seen[1]?.auth);
    expect(seen[1]?.body).toBe(seen[0]?.body);
    expect(intercepts).toEqual([{ method: 'POST', url, status: 200, retried: true }]);
  });

  it('hands a second 401 to the page and never loops', async () => {
    const { send, seen } = setup(() => new Response('{"error":"InvalidToken"}', { status: 401 }));
    const response = await send(new Request(url));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":"InvalidToken"}');
    expect(seen).toHaveLength(2);
  });

  it('hands a wrong OTP (401 InvalidOtp) on a POST to the page untouched, sent once', async () => {
    const { send, seen, provider, intercepts } = setup(
      () => new Response(INVALID_OTP, { status: 401 }),
    );
    const response = await send(post('{"otp":"000000"}'));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(INVALID_OTP);
    expect(seen).toHaveLength(1);
    expect(provider.calls).toEqual([undefined]);
    expect(intercepts).toEqual([{ method: 'POST', url, status: 401, retried: false }]);
  });

  it.each([
    ['GET', 2],
    ['PUT', 2],
    ['DELETE', 2],
    ['POST', 1],
    ['PATCH', 1],
  ])('on a 401 whose body says nothing, a %s goes out %i time(s)', async (method, times) => {
    const { send, seen } = setup((_, attempt) =>
      attempt === 1 ? new Response('<html>401</html>', { status: 401 }) : new Response('{}'),
    );
    const body = method === 'GET' || method === 'DELETE' ? null : '{}';
    await send(new Request(url, { method, body }));
    expect(seen).toHaveLength(times);
  });

  describe('where refusals may come without CORS headers (a network error)', () => {
    const networkErrorFirst = (_: Request, attempt: number) => {
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return new Response('{}');
    };

    it('renews the token and replays an idempotent call once', async () => {
      const { send, seen, intercepts } = setup(networkErrorFirst, { opaqueRefusals: true });
      const response = await send(new Request(url));
      expect(response.status).toBe(200);
      expect(seen).toHaveLength(2);
      expect(seen[1]?.auth).not.toBe(seen[0]?.auth);
      expect(intercepts).toEqual([{ method: 'GET', url, status: 200, retried: true }]);
    });

    it('hands a POST its network error, and its next call carries the renewed token', async () => {
      const { send, seen } = setup(networkErrorFirst, { opaqueRefusals: true });
      await expect(send(post('{"n":1}'))).rejects.toThrow('Failed to fetch');
      expect(seen).toHaveLength(1);
      expect((await send(post('{"n":1}'))).status).toBe(200);
      expect(seen[1]?.auth).not.toBe(seen[0]?.auth);
    });

    it('renews once per run of network errors, so an outage costs one token request', async () => {
      const { send, seen, provider } = setup(
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
      const { send, provider } = setup(networkErrorFirst);
      await expect(send(new Request(url))).rejects.toThrow('Failed to fetch');
      expect(provider.calls).toHaveLength(1);
    });
  });

  it('answers 503 TokenUnavailable when no token can be had, without sending the call', async () => {
    const { send, seen, provider } = setup(() => new Response('{}'));
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
    const { send, provider } = setup(() => new Response('{}'));
    const body = '{"error":"InvalidAppId","message":"Application ID is invalid or not found"}';
    provider.answers.push(providerError(ErrorCode.InvalidAppId, { status: 400, body }));
    const response = await send(new Request(url));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(body);
  });

  it('sends a call that carries its own token unchanged, without asking for one', async () => {
    const { send, seen, provider, intercepts } = setup(() => new Response('{}'));
    const response = await send(
      new Request(url, { headers: { 'x-firmly-authorization': 'the-sdk-own-token' } }),
    );
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ auth: 'the-sdk-own-token', body: '' }]);
    expect(provider.calls).toEqual([]);
    expect(intercepts).toEqual([]);
  });

  it('hands a 429 from a cart call to the page unchanged, and does not retry it', async () => {
    const { send, seen } = setup(
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
    const { send, provider } = setup(() => new Response('{}'));
    provider.answers.push(
      providerError(ErrorCode.TokenUnavailable, { status: 429, body: '', retryAfterMs: 60_000 }),
    );
    const response = await send(new Request(url));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
  });

  it('tells the page, token-free, which call failed without an answer and why', async () => {
    const options = testSessionOptions();
    const session = createTokenSession(options);
    const intercepts: InterceptInfo[] = [];
    const send = createAuthorizedFetch(
      session,
      options.provider,
      () => Promise.reject(new TypeError('Failed to fetch')),
      isApi,
    );
    const request = new Request(`${url}?q=secret-query`, {
      headers: { 'x-storefront-trace': 'abc', accept: 'application/json', 'sec-ch-ua': 'x' },
    });
    await expect(send(request, (info) => intercepts.push(info))).rejects.toThrow('Failed to fetch');
    const token = await session.token();
    expect(intercepts).toEqual([
      {
        method: 'GET',
        url: request.url,
        status: 0,
        retried: false,
        failure: {
          code: 'ApiUnreachable',
          message: expect.stringContaining(`GET ${url}; headers the API must allow`),
        },
      },
    ]);
    const message = intercepts[0]?.failure?.message ?? '';
    expect(message).toMatch(/; headers the API must allow: x-storefront-trace\)$/);
    expect(message).not.toContain(token);
    expect(message).not.toContain('secret-query');
  });
});

describe('a shopper whose token the API refuses while more calls start', () => {
  it('sends none of the later calls with the refused token: they wait for the replacement', async () => {
    const options = testSessionOptions();
    const provider = options.provider as ScriptedProvider;
    const session = createTokenSession(options);
    const refused = await session.token();
    const sent: (string | null)[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const auth = (input as Request).headers.get('x-firmly-authorization');
      sent.push(auth);
      return new Response(null, { status: auth === refused ? 401 : 200 });
    }) as typeof fetch;
    const send = createAuthorizedFetch(session, provider, fetchFn, isApi);
    let open: () => void = () => undefined;
    provider.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const first = send(new Request(url));
    await vi.waitFor(() => expect(provider.calls).toHaveLength(2));
    const later = Array.from({ length: 9 }, () => send(new Request(url)));
    open();
    const statuses = (await Promise.all([first, ...later])).map((r) => r.status);
    expect(statuses).toEqual(Array(10).fill(200));
    // The first call saw the one 401; the nine that started during the renewal did not.
    expect(sent.filter((auth) => auth === refused)).toHaveLength(1);
    expect(provider.calls).toHaveLength(2);
  });
});

/**
 * A network that answers like a browser: with `redirect: 'manual'` a 3xx is an opaque redirect
 * (no status, no Location); with `follow` the browser follows it and, across origins, drops only
 * `Authorization`, never a custom header.
 */
function redirectingNetwork(routes: Record<string, { status: number; location?: string }>) {
  const hops: { method: string; url: string; token: string | null }[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    let request = input as Request;
    for (let followed = 0; ; followed++) {
      // Browsers give up after 20 redirects with a network error.
      if (followed > 20) throw new TypeError('Failed to fetch');
      hops.push({
        method: request.method,
        url: request.url,
        token: request.headers.get('x-firmly-authorization'),
      });
      const route = routes[request.url] ?? { status: 200 };
      if (!route.location) {
        const response = new Response(JSON.stringify({ at: request.url }), {
          status: route.status,
        });
        Object.defineProperties(response, {
          url: { value: request.url },
          redirected: { value: hops.length > 1 && request.redirect === 'follow' },
        });
        return response;
      }
      if (request.redirect === 'manual') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
        return opaque;
      }
      if (request.redirect === 'error') throw new TypeError('redirect');
      request = new Request(route.location, request);
    }
  }) as typeof fetch;
  return { hops, fetchFn };
}

const OTHER = 'https://evil.example';

describe('a redirect from the API', () => {
  function setupRedirects(routes: Parameters<typeof redirectingNetwork>[0]) {
    const options = testSessionOptions();
    const network = redirectingNetwork(routes);
    const send = createAuthorizedFetch(
      createTokenSession(options),
      options.provider,
      network.fetchFn,
      isApi,
    );
    const tokenOffOrigin = () =>
      network.hops.filter((hop) => !isApi(hop.url) && hop.token !== null);
    return { send, hops: network.hops, tokenOffOrigin };
  }

  it.each([301, 302, 303, 307, 308])(
    'to another origin (%i, GET) is followed without the token',
    async (status) => {
      const { send, hops, tokenOffOrigin } = setupRedirects({
        [url]: { status, location: `${OTHER}/landing` },
      });
      const response = await send(new Request(url));
      expect(await response.json()).toEqual({ at: `${OTHER}/landing` });
      expect(hops.some((hop) => hop.url === `${OTHER}/landing`)).toBe(true);
      expect(tokenOffOrigin()).toEqual([]);
    },
  );

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'of a %s ends in RedirectRefused, and the other origin is never contacted',
    async (method) => {
      const { send, hops, tokenOffOrigin } = setupRedirects({
        [url]: { status: 307, location: `${OTHER}/steal` },
      });
      const response = await send(new Request(url, { method, body: '{"quantity":1}' }));
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ error: 'RedirectRefused' });
      expect(hops.map((hop) => hop.url)).toEqual([url]);
      expect(tokenOffOrigin()).toEqual([]);
    },
  );

  it('that stays on the API origin works, and its final hop carries the token', async () => {
    const moved = `${API}/api/v1/domains/shop/cart`;
    const { send, hops } = setupRedirects({ [url]: { status: 302, location: moved } });
    const response = await send(new Request(url));
    expect(await response.json()).toEqual({ at: moved });
    const last = hops.at(-1);
    expect(last?.url).toBe(moved);
    expect(last?.token).toMatch(/^secret-token-/);
  });

  it('that stays on the API origin and then leaves it still never carries the token off it', async () => {
    const moved = `${API}/moved`;
    const { send, tokenOffOrigin } = setupRedirects({
      [url]: { status: 302, location: moved },
      [moved]: { status: 302, location: `${OTHER}/landing` },
    });
    const response = await send(new Request(url));
    expect(await response.json()).toEqual({ at: `${OTHER}/landing` });
    expect(tokenOffOrigin()).toEqual([]);
  });

  it('that loops ends in a network error, as it would without us, never carrying the token away', async () => {
    const a = `${API}/a`;
    const b = `${OTHER}/b`;
    const { send, tokenOffOrigin } = setupRedirects({
      [url]: { status: 302, location: a },
      [a]: { status: 302, location: b },
      [b]: { status: 302, location: a },
    });
    await expect(send(new Request(url))).rejects.toThrow('Failed to fetch');
    expect(tokenOffOrigin()).toEqual([]);
  });

  it('that only calls with the token get ends in RedirectRefused, the target never learnt', async () => {
    const options = testSessionOptions();
    const sent: (string | null)[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const request = input as Request;
      const token = request.headers.get('x-firmly-authorization');
      sent.push(token);
      if (!token) return new Response(null, { status: 401 });
      const opaque = new Response(null, { status: 200 });
      Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
      return opaque;
    }) as typeof fetch;
    const send = createAuthorizedFetch(
      createTokenSession(options),
      options.provider,
      fetchFn,
      isApi,
    );
    const response = await send(new Request(url));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: 'RedirectRefused',
      description: expect.stringContaining('the API redirects only calls that carry the token'),
    });
    // The call with the token, then one probe without it; nothing more.
    expect(sent.map((token) => token !== null)).toEqual([true, false]);
  });

  it("is handed back opaque when the page asked for redirect: 'manual'", async () => {
    const { send, hops } = setupRedirects({ [url]: { status: 302, location: `${OTHER}/x` } });
    const response = await send(new Request(url, { redirect: 'manual' }));
    expect(response.type).toBe('opaqueredirect');
    expect(hops).toHaveLength(1);
  });
});
