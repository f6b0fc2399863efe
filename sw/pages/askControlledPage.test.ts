import { describe, expect, it } from 'vitest';
import { createAuthorizedFetch } from '../../core/calls/createAuthorizedFetch.js';
import { createInterceptorCore } from '../../core/createInterceptorCore.js';
import { PROTOCOL_TAG } from '../../core/protocol/protocol.js';
import { askControlledPage } from './askControlledPage.js';

/** A worker scope whose controlled pages answer SessionToken requests as told. */
function scopeWith(pages: ((port: MessagePort) => void)[]): ServiceWorkerGlobalScope {
  const windows = pages.map((answer) => ({
    postMessage: (_message: unknown, transfer: MessagePort[]) => {
      const port = transfer[0];
      if (port) answer(port);
    },
  }));
  return { clients: { matchAll: async () => windows } } as unknown as ServiceWorkerGlobalScope;
}

describe('askControlledPage', () => {
  it('asks an open page to run SessionToken and returns what it got', async () => {
    const ask = askControlledPage(
      scopeWith([
        (port) => port.postMessage({ tag: PROTOCOL_TAG, ok: true, value: { session_token: 'S' } }),
      ]),
    );
    await expect(ask({})).resolves.toEqual({ session_token: 'S' });
  });

  it('tells the page which SessionToken to run: with the worker’s API key in api-key mode', async () => {
    const seen: unknown[] = [];
    const windows = [
      {
        postMessage: (message: unknown, transfer: MessagePort[]) => {
          seen.push(message);
          transfer[0]?.postMessage({ tag: PROTOCOL_TAG, ok: true, value: {} });
        },
      },
    ];
    const scope = {
      clients: { matchAll: async () => windows },
    } as unknown as ServiceWorkerGlobalScope;
    await askControlledPage(scope)({ apiKey: 'pub-key' });
    await askControlledPage(scope)({});
    expect(seen).toEqual([
      { tag: PROTOCOL_TAG, type: 'runSessionToken', apiKey: 'pub-key' },
      { tag: PROTOCOL_TAG, type: 'runSessionToken' },
    ]);
  });

  it('tries the next page when one fails', async () => {
    const ask = askControlledPage(
      scopeWith([
        (port) =>
          port.postMessage({
            tag: PROTOCOL_TAG,
            ok: false,
            error: { code: 'SessionTokenFailed', message: 'script failed' },
          }),
        (port) => port.postMessage({ tag: PROTOCOL_TAG, ok: true, value: { session_token: 'T' } }),
      ]),
    );
    await expect(ask({})).resolves.toEqual({ session_token: 'T' });
  });

  it('with no page open, a Digital River call gets a coded 503 rather than a hang', async () => {
    const scope = scopeWith([]);
    const core = createInterceptorCore(
      {
        provider: 'digitalriver',
        siteId: 's',
        tokenVia: 'oauth',
        storeOrigin: 'https://store.example',
        apiOrigin: 'https://api.example',
        apiOrigins: ['https://api.example'],
        renewMarginSeconds: 300,
        debug: false,
      },
      {
        fetch: () => Promise.reject(new Error('not reached')),
        locks: undefined,
        monotonic: () => performance.now(),
        path: 'worker',
        onSession: () => undefined,
        onError: () => undefined,
        askPage: askControlledPage(scope),
      },
    );
    const send = createAuthorizedFetch(
      core.session,
      core.provider,
      () => Promise.reject(new Error('not sent')),
      () => true,
    );
    const response = await send(new Request('https://api.example/v1/shoppers/me/carts/active'));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'SessionTokenFailed' });
  });
});
