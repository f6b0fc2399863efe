import { describe, expect, it } from 'vitest';
import { createTokenSession } from '../session/createTokenSession.js';
import { testSessionOptions } from '../testDoubles.fixtures.js';
import { isApi, url } from './authorizedFetch.fixtures.js';
import { createAuthorizedFetch } from './createAuthorizedFetch.js';
import { diagnoseCorsRefusal } from './diagnoseCorsRefusal.js';
import type { InterceptInfo } from './InterceptInfo.js';

/** The diagnosis of a POST to the API that got no answer. */
const diagnosePost = (body: string, headers: Record<string, string>) =>
  diagnoseCorsRefusal(new Request(url, { method: 'POST', body, headers }));

describe('a call that fails without an answer (network, CORS)', () => {
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

  it('names a JSON content type, which needs the API to allow it, but never its value', () => {
    const { code, message } = diagnosePost('{}', {
      'content-type': 'application/json',
      'x-cart-ref': 'ref-42',
    });
    expect(code).toBe('ApiUnreachable');
    expect(message).toMatch(/\(POST \S+; headers the API must allow: content-type, x-cart-ref\)$/);
    expect(message).not.toContain('application/json');
    expect(message).not.toContain('ref-42');
  });

  it('says none when the call sends only headers a browser needs no permission for', () => {
    const { message } = diagnosePost('quantity=1', {
      'content-type': 'text/plain; charset=utf-8',
      'accept-language': 'en',
    });
    expect(message).toMatch(/headers the API must allow: none\)$/);
  });
});
