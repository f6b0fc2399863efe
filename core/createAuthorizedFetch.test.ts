import { describe, expect, it } from 'vitest';
import { createAuthorizedFetch } from './createAuthorizedFetch.js';
import { createTokenSession } from './createTokenSession.js';
import { ErrorCode } from './errors.js';
import { providerError, type ScriptedProvider, testSessionOptions } from './testDoubles.js';

const url = 'https://api.firmly.work/api/v2/domains/shop/cart/line-items';

function setup(answer: (request: Request, attempt: number) => Response) {
  const options = testSessionOptions();
  const provider = options.provider as ScriptedProvider;
  const session = createTokenSession(options);
  const seen: { auth: string | null; body: string }[] = [];
  const intercepts: unknown[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    const request = input as Request;
    seen.push({ auth: request.headers.get('x-firmly-authorization'), body: await request.text() });
    return answer(request, seen.length);
  }) as typeof fetch;
  const authorizedFetch = createAuthorizedFetch(session, provider, fetchFn);
  const send = (request: Request) => authorizedFetch(request, (info) => intercepts.push(info));
  return { send, seen, provider, intercepts };
}

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

  it('renews once on a 401 and replays the same bytes', async () => {
    const { send, seen, intercepts } = setup(
      (_, attempt) => new Response(null, { status: attempt === 1 ? 401 : 200 }),
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

  it('answers 503 TokenUnavailable when no token can be had, without sending the call', async () => {
    const { send, seen, provider } = setup(() => new Response('{}'));
    for (let i = 0; i < 4; i++) provider.answers.push(providerError(ErrorCode.TokenUnavailable));
    const response = await send(new Request(url));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: 'TokenUnavailable',
      message: 'No session token could be obtained from the API',
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
});
