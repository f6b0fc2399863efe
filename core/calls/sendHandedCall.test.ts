import { describe, expect, it } from 'vitest';
import { ErrorCode, InterceptorError } from '../errors/errors.js';
import type { HandedCall } from '../protocol/protocol.js';
import type { AuthorizedFetch } from './createAuthorizedFetch.js';
import type { InterceptInfo } from './InterceptInfo.js';
import { sendHandedCall } from './sendHandedCall.js';

const API = 'https://api.firmly.work';
const call = (overrides: Partial<HandedCall> = {}): HandedCall => ({
  url: `${API}/api/v2/domains/shop/cart/line-items`,
  method: 'POST',
  headers: [['content-type', 'application/json']],
  body: '{"quantity":3}',
  credentials: 'include',
  redirect: 'follow',
  ...overrides,
});

/** The core's fetch, as the worker lends it: records what it was asked to send. */
function recordingFetch(answer: () => Promise<Response> = async () => Response.json({ ok: 1 })) {
  const sent: {
    method: string;
    url: string;
    type: string | null;
    body: string;
    credentials: string;
  }[] = [];
  const authorizedFetch: AuthorizedFetch = async (request, report) => {
    sent.push({
      method: request.method,
      url: request.url,
      type: request.headers.get('content-type'),
      body: await request.text(),
      credentials: request.credentials,
    });
    report?.({ method: request.method, url: request.url, status: 200, retried: false });
    return answer();
  };
  return { authorizedFetch, sent };
}

describe('sendHandedCall', () => {
  it('sends a handed cart call through the core, body and headers intact, and reads the answer whole', async () => {
    const { authorizedFetch, sent } = recordingFetch(
      async () => new Response('{"line_items":3}', { status: 201, statusText: 'Created' }),
    );
    const reports: InterceptInfo[] = [];
    const answer = await sendHandedCall(call(), [API], authorizedFetch, (info) =>
      reports.push(info),
    );
    expect(sent).toEqual([
      {
        method: 'POST',
        url: call().url,
        type: 'application/json',
        body: '{"quantity":3}',
        credentials: 'include',
      },
    ]);
    expect(answer).toMatchObject({ status: 201, statusText: 'Created' });
    expect(new TextDecoder().decode(answer.body)).toBe('{"line_items":3}');
    expect(answer.headers).toContainEqual(['content-type', 'text/plain;charset=UTF-8']);
    expect(reports).toHaveLength(1);
  });

  it("keeps the page's redirect mode, so the redirect guard treats the call as a fetch event", async () => {
    const modes: RequestRedirect[] = [];
    const authorizedFetch: AuthorizedFetch = async (request) => {
      modes.push(request.redirect);
      return new Response(null, { status: 204 });
    };
    for (const redirect of ['follow', 'manual', 'error'] as const) {
      await sendHandedCall(call({ redirect }), [API], authorizedFetch);
    }
    expect(modes).toEqual(['follow', 'manual', 'error']);
  });

  it('keeps binary bodies byte for byte, and sends none for a GET', async () => {
    const { authorizedFetch, sent } = recordingFetch();
    const bytes = new Uint8Array([0, 1, 250, 255]);
    await sendHandedCall(call({ body: new Blob([bytes]) }), [API], authorizedFetch);
    await sendHandedCall(call({ method: 'GET', body: new ArrayBuffer(0) }), [API], authorizedFetch);
    expect(sent[0]?.body).toBe(new TextDecoder().decode(bytes));
    expect(sent[1]).toMatchObject({ method: 'GET', body: '' });
  });

  it('refuses, unsent, a call to any origin but the API', async () => {
    const { authorizedFetch, sent } = recordingFetch();
    for (const url of [
      'https://evil.example/api/v2/cart',
      `${API}.evil.example/cart`,
      'not a url',
    ]) {
      await expect(sendHandedCall(call({ url }), [API], authorizedFetch)).rejects.toMatchObject({
        code: ErrorCode.ProtocolError,
      });
    }
    expect(sent).toEqual([]);
  });

  it('an opaque redirect (the page asked for redirect: manual) is flagged, as no Response can be built of it', async () => {
    const opaque = Response.error();
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const { authorizedFetch } = recordingFetch(async () => opaque);
    const answer = await sendHandedCall(call({ redirect: 'manual' }), [API], authorizedFetch);
    expect(answer).toMatchObject({ opaqueRedirect: true, status: 0 });
    const plain = await sendHandedCall(call(), [API], recordingFetch().authorizedFetch);
    expect(plain.opaqueRedirect).toBe(false);
  });

  it('a call the page sent itself meanwhile is never sent', async () => {
    const { authorizedFetch, sent } = recordingFetch();
    const refused = sendHandedCall(call(), [API], authorizedFetch, undefined, async () => {
      throw new InterceptorError(ErrorCode.ProtocolError, 'the page sent the handed call itself');
    });
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.ProtocolError });
    expect(sent).toEqual([]);
  });

  it('a call that failed without an answer is ApiUnreachable, naming the call and no token', async () => {
    const { authorizedFetch } = recordingFetch(() =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    const failed = sendHandedCall(call(), [API], authorizedFetch);
    await expect(failed).rejects.toMatchObject({ code: ErrorCode.ApiUnreachable });
    await expect(failed).rejects.toThrow(/POST .*line-items/);
  });
});
