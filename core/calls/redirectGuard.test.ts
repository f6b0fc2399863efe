import { describe, expect, it } from 'vitest';
import { createTokenSession } from '../session/createTokenSession.js';
import { testSessionOptions } from '../testDoubles.fixtures.js';
import { API, isApi, url } from './authorizedFetch.fixtures.js';
import { createAuthorizedFetch } from './createAuthorizedFetch.js';
import { redirectGuard } from './redirectGuard.js';

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

// Through the authorized fetch, as every call meets the guard: its tokens come from the session
// and its bodies are the buffered ones.
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

describe('redirectGuard', () => {
  it('sends the token it is given to the call and to where it was moved, never with a probe', async () => {
    const moved = `${API}/moved`;
    const network = redirectingNetwork({ [url]: { status: 308, location: moved } });
    const send = redirectGuard(testSessionOptions().provider, network.fetchFn, isApi);
    const response = await send(new Request(url), 'the-token', null);
    expect(await response.json()).toEqual({ at: moved });
    expect(network.hops).toEqual([
      { method: 'GET', url, token: 'the-token' },
      // The probe, followed by the browser.
      { method: 'GET', url, token: null },
      { method: 'GET', url: moved, token: null },
      { method: 'GET', url: moved, token: 'the-token' },
    ]);
  });
});
