import { describe, expect, it, vi } from 'vitest';
import { createTokenSession } from '../session/createTokenSession.js';
import { type ScriptedProvider, testSessionOptions } from '../testDoubles.fixtures.js';
import { isApi, post, setupAuthorizedFetch, url } from './authorizedFetch.fixtures.js';
import { createAuthorizedFetch } from './createAuthorizedFetch.js';

const INVALID_TOKEN = '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}';
const INVALID_OTP = '{"code":401,"error":"InvalidOtp"}';

describe('a 401 from the API (docs/decisions/018)', () => {
  it('renews once on a 401 about the session and replays the same bytes', async () => {
    const { send, seen, intercepts } = setupAuthorizedFetch((_, attempt) =>
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
    const { send, seen } = setupAuthorizedFetch(
      () => new Response('{"error":"InvalidToken"}', { status: 401 }),
    );
    const response = await send(new Request(url));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":"InvalidToken"}');
    expect(seen).toHaveLength(2);
  });

  it('hands a wrong OTP (401 InvalidOtp) on a POST to the page untouched, sent once', async () => {
    const { send, seen, provider, intercepts } = setupAuthorizedFetch(
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
    const { send, seen } = setupAuthorizedFetch((_, attempt) =>
      attempt === 1 ? new Response('<html>401</html>', { status: 401 }) : new Response('{}'),
    );
    const body = method === 'GET' || method === 'DELETE' ? null : '{}';
    await send(new Request(url, { method, body }));
    expect(seen).toHaveLength(times);
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
