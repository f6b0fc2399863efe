import { describe, expect, it, vi } from 'vitest';
import { ok, PROTOCOL_TAG, type Reply } from '../../core/protocol/protocol.js';
import type { SessionInfo } from '../../core/session/SessionInfo.js';
import { createEmitter } from '../events/createEmitter.js';
import type { InterceptorEvents } from '../SwTokenInterceptor.js';
import { listenToWorker } from './listenToWorker.js';

/** A page listening to its worker: what it emitted, and what it was asked. */
function listening() {
  const container = Object.assign(new EventTarget(), { startMessages: vi.fn() });
  const answerRequest = vi.fn(async (): Promise<Reply<unknown>> => ok('answered'));
  const events = createEmitter<InterceptorEvents>();
  const seen: [keyof InterceptorEvents, unknown][] = [];
  for (const name of ['session', 'error', 'intercept'] as const) {
    events.on(name, (detail) => seen.push([name, detail]));
  }
  listenToWorker(container as unknown as ServiceWorkerContainer, events, answerRequest);
  /** The worker posts `data` to the page. */
  const post = (data: unknown, ports: MessagePort[] = []) =>
    container.dispatchEvent(new MessageEvent('message', { data, ports }));
  return { post, seen, answerRequest, startMessages: container.startMessages };
}

describe('listenToWorker', () => {
  it('starts the messages the worker posted before the page listened', () => {
    expect(listening().startMessages).toHaveBeenCalledOnce();
  });

  it("the worker's session, error and batched intercept events become the page's events", () => {
    const { post, seen } = listening();
    const session: SessionInfo = {
      provider: 'firmly',
      deviceId: 'd1',
      expiresAt: 1,
      deviceCreated: true,
      path: 'worker',
    };
    const error = { code: 'TokenUnavailable', message: 'No session token from the API' };
    const intercepts = [
      { method: 'GET', url: 'https://api.example.com/cart', status: 200, retried: false },
      { method: 'POST', url: 'https://api.example.com/cart', status: 401, retried: true },
    ];
    post({ tag: PROTOCOL_TAG, type: 'session', session });
    post({ tag: PROTOCOL_TAG, type: 'error', error });
    post({ tag: PROTOCOL_TAG, type: 'intercept', intercepts });
    expect(seen).toEqual([
      ['session', session],
      ['error', error],
      ['intercept', intercepts[0]],
      ['intercept', intercepts[1]],
    ]);
  });

  it('a Digital River worker asking for SessionToken gets the answer on its port', async () => {
    const { post, answerRequest } = listening();
    const channel = new MessageChannel();
    const reply = new Promise((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data);
    });
    post({ tag: PROTOCOL_TAG, type: 'runSessionToken' }, [channel.port2]);
    expect(await reply).toEqual(ok('answered'));
    expect(answerRequest).toHaveBeenCalledWith({ tag: PROTOCOL_TAG, type: 'runSessionToken' });
    channel.port1.close();
  });

  it("a storefront's own messages on the same worker are left alone", () => {
    const { post, seen, answerRequest } = listening();
    post({ type: 'session', session: {} });
    post('cache-updated');
    post({ tag: PROTOCOL_TAG, type: 'hello' });
    expect(seen).toEqual([]);
    expect(answerRequest).not.toHaveBeenCalled();
  });
});
