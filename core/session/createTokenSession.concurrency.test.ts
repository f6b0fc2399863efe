import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import {
  providerError,
  type ScriptedProvider,
  testSessionOptions,
} from '../testDoubles.fixtures.js';
import { createTokenSession } from './createTokenSession.js';
import { SERVER_ERROR, sessionUnderTest } from './sessionUnderTest.fixtures.js';

describe('a shopper on a first visit', () => {
  it('gets one token for twenty concurrent cart calls', async () => {
    const { session, provider, options } = sessionUnderTest();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.token()));
    expect(new Set(tokens).size).toBe(1);
    expect(provider.calls).toEqual([undefined]);
    expect(options.sessions).toHaveLength(1);
    expect(options.sessions[0]).toMatchObject({ provider: 'firmly', deviceCreated: true });
  });
});

describe('two contexts sharing one store and lock', () => {
  it('make one token request between them', async () => {
    const options = testSessionOptions();
    const a = createTokenSession(options);
    const b = createTokenSession(options);
    const [ta, tb] = await Promise.all([a.token(), b.token()]);
    expect(ta).toBe(tb);
    expect((options.provider as ScriptedProvider).calls).toHaveLength(1);
  });
});

describe('a 401 on a cart call', () => {
  it('renews once for many concurrent callers', async () => {
    const { session, provider } = sessionUnderTest();
    const first = await session.token();
    const renewed = await Promise.all(Array.from({ length: 5 }, () => session.renew(first)));
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(first);
    expect(provider.calls).toEqual([undefined, first]);
  });

  it('does not renew again for a token that was already replaced', async () => {
    const { session, provider } = sessionUnderTest();
    const first = await session.token();
    const second = await session.renew(first);
    expect(await session.renew(first)).toBe(second);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('calls that start while a refused token is being replaced', () => {
  it('wait for the replacement instead of taking the refused token', async () => {
    const { session, provider } = sessionUnderTest();
    const refused = await session.token();
    let open: () => void = () => undefined;
    provider.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const renewal = session.renew(refused);
    const later = Array.from({ length: 9 }, () => session.token());
    open();
    const tokens = await Promise.all([renewal, ...later]);
    expect(tokens.filter((t) => t === refused)).toEqual([]);
    expect(new Set(tokens).size).toBe(1);
    expect(provider.calls).toEqual([undefined, refused]);
  });
});

describe('an API that renews to the very same token string', () => {
  it('is asked once per 401, not twice', async () => {
    const { session, provider } = sessionUnderTest();
    const first = await session.token();
    provider.answers.push({
      token: first,
      expiresInSeconds: 3600,
      deviceId: 'd',
      deviceCreated: false,
    });
    expect(await session.renew(first)).toBe(first);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('a shopper who abandons a call', () => {
  it('abandons the token request when no other call waits for it, and reports no error', async () => {
    const { session, provider, options } = sessionUnderTest();
    provider.gate = new Promise(() => undefined);
    const controller = new AbortController();
    const call = session.token(controller.signal);
    await vi.waitFor(() => expect(provider.calls).toHaveLength(1));
    controller.abort(new DOMException('aborted', 'AbortError'));
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(provider.aborted).toBe(1);
    expect(options.errors).toEqual([]);
  });

  it('then makes the next call at once: that call gets a token, not the abandoned request’s abort', async () => {
    const { session, provider, options } = sessionUnderTest();
    let open: () => void = () => undefined;
    provider.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const typed = new AbortController();
    const abandoned = session.token(typed.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(provider.calls).toHaveLength(1));
    typed.abort(new DOMException('aborted', 'AbortError'));
    const next = session.token(new AbortController().signal);
    open();
    await expect(next).resolves.toMatch(/^secret-token-/);
    expect(await abandoned).toMatchObject({ name: 'AbortError' });
    expect(provider.calls).toEqual([undefined, undefined]);
    expect(options.errors).toEqual([]);
  });

  it('keeps the token request going for the calls still waiting', async () => {
    const { session, provider } = sessionUnderTest();
    let open: () => void = () => undefined;
    provider.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = session.token(leaving.signal);
    const stayed = session.token(staying.signal);
    leaving.abort(new DOMException('aborted', 'AbortError'));
    await expect(left).rejects.toMatchObject({ name: 'AbortError' });
    open();
    await expect(stayed).resolves.toMatch(/^secret-token-/);
    expect(provider.aborted).toBe(0);
  });

  it('stops retrying a failing endpoint once the call is abandoned', async () => {
    const sleeps: number[] = [];
    const controller = new AbortController();
    const { session, provider } = sessionUnderTest({
      sleep: async (ms: number) => {
        sleeps.push(ms);
        controller.abort(new DOMException('aborted', 'AbortError'));
      },
    });
    for (let i = 0; i < 4; i++)
      provider.answers.push(providerError(ErrorCode.TokenUnavailable, SERVER_ERROR));
    await expect(session.token(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(provider.calls).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });
});
