import { describe, expect, it } from 'vitest';
import { ErrorCode, InterceptorError } from '../errors/errors.js';
import {
  answer,
  type HandedCall,
  type Handlers,
  isOurMessage,
  isPageRequest,
  isReply,
  isWorkerEvent,
  isWorkerRequest,
  type PageRequest,
  PROTOCOL_TAG,
  type ReplyValues,
  request,
} from './protocol.js';

const HANDED: HandedCall = {
  url: 'https://api.example.com/cart',
  method: 'POST',
  headers: [['content-type', 'application/json']],
  body: '{}',
  credentials: 'same-origin',
  redirect: 'follow',
};

describe('the page/worker protocol', () => {
  it('accepts the page requests it defines', () => {
    for (const type of ['session', 'clear', 'claim']) {
      expect(isPageRequest({ tag: PROTOCOL_TAG, type })).toBe(true);
    }
    expect(isPageRequest({ tag: PROTOCOL_TAG, type: 'hello', version: '1' })).toBe(true);
    expect(isPageRequest({ tag: PROTOCOL_TAG, type: 'checkout', search: '?themeId=1' })).toBe(true);
    for (const committed of [false, true]) {
      expect(isPageRequest({ tag: PROTOCOL_TAG, type: 'handOff', call: HANDED, committed })).toBe(
        true,
      );
    }
  });

  it('refuses anything that would change the configuration, or is malformed', () => {
    for (const data of [
      { tag: PROTOCOL_TAG, type: 'configure', apiOrigin: 'https://evil.example' },
      { tag: PROTOCOL_TAG, type: 'addOrigin', origin: 'https://evil.example' },
      { tag: PROTOCOL_TAG, type: 'setProvider', provider: 'other' },
      { tag: PROTOCOL_TAG, type: 'hello' },
      { tag: PROTOCOL_TAG, type: 'checkout' },
      { tag: PROTOCOL_TAG, type: 'checkout', search: { themeId: '1' } },
      { tag: PROTOCOL_TAG, type: 'handOff', committed: false },
      // The message of an older build, which sent without an exchange: refused, unsent.
      { tag: PROTOCOL_TAG, type: 'send', call: HANDED },
      { tag: PROTOCOL_TAG, type: 'handOff', call: HANDED },
      { tag: PROTOCOL_TAG, type: 'handOff', call: HANDED, committed: 'yes' },
      {
        tag: PROTOCOL_TAG,
        type: 'handOff',
        call: { ...HANDED, url: new URL(HANDED.url) },
        committed: false,
      },
      {
        tag: PROTOCOL_TAG,
        type: 'handOff',
        call: { ...HANDED, headers: { a: 'b' } },
        committed: false,
      },
      {
        tag: PROTOCOL_TAG,
        type: 'handOff',
        call: { ...HANDED, credentials: undefined },
        committed: false,
      },
      { tag: PROTOCOL_TAG },
      { type: 'session' },
      null,
      'session',
    ]) {
      expect(isPageRequest(data)).toBe(false);
    }
  });

  it("leaves a storefront's own messages alone", () => {
    expect(isOurMessage({ type: 'SKIP_WAITING' })).toBe(false);
    expect(isOurMessage({ tag: PROTOCOL_TAG, type: 'configure' })).toBe(true);
  });

  it('recognises worker events and replies', () => {
    expect(isWorkerEvent({ tag: PROTOCOL_TAG, type: 'error', error: {} })).toBe(true);
    expect(isWorkerEvent({ tag: PROTOCOL_TAG, type: 'token' })).toBe(false);
    expect(isReply({ tag: PROTOCOL_TAG, ok: false, error: {} })).toBe(true);
    expect(isReply({ tag: PROTOCOL_TAG })).toBe(false);
  });

  it('reads the worker asking for SessionToken, with the API key or without', () => {
    expect(isWorkerRequest({ tag: PROTOCOL_TAG, type: 'runSessionToken' })).toBe(true);
    expect(isWorkerRequest({ tag: PROTOCOL_TAG, type: 'runSessionToken', apiKey: 'k' })).toBe(true);
    for (const apiKey of [5, null, { key: 'k' }]) {
      expect(isWorkerRequest({ tag: PROTOCOL_TAG, type: 'runSessionToken', apiKey })).toBe(false);
    }
  });
});

describe('one request/reply transport, for both directions', () => {
  /** The other side: answers each request with the given handlers, on the port it came with. */
  const peer =
    (handlers: Handlers<PageRequest, ReplyValues>) => (message: unknown, ports: MessagePort[]) =>
      void answer(handlers, message, isPageRequest).then((reply) => ports[0]?.postMessage(reply));
  const handlers: Handlers<PageRequest, ReplyValues> = {
    hello: async () => ({ version: '2' }),
    session: async () => {
      throw new InterceptorError(ErrorCode.InvalidAppId);
    },
    clear: async () => null,
    claim: () => new Promise(() => undefined),
    checkout: async () => null,
    handOff: async ({ call }) => ({
      opaqueRedirect: false,
      status: 201,
      statusText: 'Created',
      headers: [],
      body: new TextEncoder().encode(call.method).buffer,
    }),
  };
  const options = {
    timeoutMs: 50,
    timeoutError: () => new InterceptorError(ErrorCode.WorkerUnavailable, 'no answer'),
  };

  it('a request gets the value its handler returned', async () => {
    await expect(
      request(peer(handlers), { type: 'hello', version: '1' }, options),
    ).resolves.toEqual({ version: '2' });
  });

  it('a handed call is answered with what the handler read', async () => {
    const answered = (await request(
      peer(handlers),
      { type: 'handOff', call: HANDED, committed: true },
      options,
    )) as ReplyValues['handOff'];
    expect(answered.status).toBe(201);
    expect(new TextDecoder().decode(answered.body)).toBe('POST');
  });

  it('a handler that throws reaches the asking side as the same coded error', async () => {
    await expect(request(peer(handlers), { type: 'session' }, options)).rejects.toMatchObject({
      code: ErrorCode.InvalidAppId,
    });
  });

  it('a request the other side does not accept is answered ProtocolError, not ignored', async () => {
    await expect(request(peer(handlers), { type: 'configure' }, options)).rejects.toMatchObject({
      code: ErrorCode.ProtocolError,
    });
  });

  it('nobody answering ends in the timeout error, never a hang', async () => {
    await expect(request(peer(handlers), { type: 'claim' }, options)).rejects.toMatchObject({
      code: ErrorCode.WorkerUnavailable,
    });
  });

  it('an abort ends the wait with the reason', async () => {
    const controller = new AbortController();
    const asked = request(
      peer(handlers),
      { type: 'claim' },
      { ...options, signal: controller.signal },
    );
    controller.abort(new Error('gone'));
    await expect(asked).rejects.toThrow('gone');
  });

  it('a malformed answer is a ProtocolError', async () => {
    const post = (_message: unknown, ports: MessagePort[]) => ports[0]?.postMessage({ ok: true });
    await expect(request(post, { type: 'session' }, options)).rejects.toMatchObject({
      code: ErrorCode.ProtocolError,
    });
  });
});
