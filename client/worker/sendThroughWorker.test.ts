import { describe, expect, it, vi } from 'vitest';
import { InterceptorError } from '../../core/errors/errors.js';
import {
  answer,
  type HandedCall,
  type Handlers,
  isPageRequest,
  type PageRequest,
  type ReplyValues,
} from '../../core/protocol/protocol.js';
import { sendThroughWorker } from './sendThroughWorker.js';

const API = 'https://api.example.com';

/**
 * A worker that answers `send` with `onSend` over the real protocol, recording each call the
 * moment it is posted.
 */
function fakeWorker(onSend: (call: HandedCall) => Promise<ReplyValues['send']>) {
  const calls: HandedCall[] = [];
  const send: Handlers<PageRequest, ReplyValues>['send'] = ({ call }) => {
    calls.push(call);
    return onSend(call);
  };
  const handlers = { send } as Pick<Handlers<PageRequest, ReplyValues>, 'send'> as Handlers<
    PageRequest,
    ReplyValues
  >;
  const worker = {
    postMessage(message: unknown, ports: MessagePort[]) {
      void answer(handlers, message, isPageRequest).then((reply) => ports[0]?.postMessage(reply));
    },
  } as unknown as ServiceWorker;
  return { worker, calls };
}

const ok = async (call: HandedCall) => ({
  status: 200,
  statusText: 'OK',
  headers: [['x-seen', call.method]] as [string, string][],
  body: new TextEncoder().encode('{"saved":true}').buffer,
});
const pageFetch = vi.fn(async () => new Response('from the page'));

describe('sendThroughWorker', () => {
  it('posts a string body as the page gave it, before the call first waits', async () => {
    const { worker, calls } = fakeWorker(ok);
    const request = new Request(`${API}/cart`, {
      method: 'POST',
      body: '{"quantity":3}',
      redirect: 'manual',
    });
    const answered = sendThroughWorker(worker, request, '{"quantity":3}', pageFetch);
    // Already posted, before the call first waited: a page going away (pagehide) gets it out.
    expect(calls).toHaveLength(1);
    const response = await answered;
    expect(calls[0]).toMatchObject({
      url: `${API}/cart`,
      method: 'POST',
      body: '{"quantity":3}',
      redirect: 'manual',
    });
    expect(calls[0]?.headers).toContainEqual(['content-type', 'text/plain;charset=UTF-8']);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-seen')).toBe('POST');
    await expect(response.json()).resolves.toEqual({ saved: true });
  });

  it('sends the bytes of bodies postMessage cannot carry, with their content type', async () => {
    const { worker, calls } = fakeWorker(ok);
    const form = new URLSearchParams({ quantity: '3' });
    await sendThroughWorker(
      worker,
      new Request(`${API}/c`, { method: 'POST', body: form }),
      form,
      pageFetch,
    );
    const data = new FormData();
    data.set('quantity', '3');
    await sendThroughWorker(
      worker,
      new Request(`${API}/c`, { method: 'POST', body: data }),
      data,
      pageFetch,
    );
    expect(calls[0]?.body).toBe('quantity=3');
    expect(new TextDecoder().decode(calls[1]?.body as ArrayBuffer)).toContain('name="quantity"');
    expect(calls[1]?.headers.find(([name]) => name === 'content-type')?.[1]).toMatch(
      /^multipart\/form-data; boundary=/,
    );
  });

  it('a 204 answer becomes a bodiless response', async () => {
    const { worker } = fakeWorker(async () => ({
      status: 204,
      statusText: 'No Content',
      headers: [],
      body: new ArrayBuffer(0),
    }));
    const response = await sendThroughWorker(worker, new Request(`${API}/c`), undefined, pageFetch);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('a worker of an older build that refuses the message leaves the call to go as the page made it', async () => {
    const older = {
      postMessage(message: unknown, ports: MessagePort[]) {
        const handlers = {} as Handlers<PageRequest, ReplyValues>;
        void answer(handlers, message, (data): data is PageRequest => false).then((reply) =>
          ports[0]?.postMessage(reply),
        );
      },
    } as unknown as ServiceWorker;
    const response = await sendThroughWorker(older, new Request(`${API}/c`), undefined, pageFetch);
    await expect(response.text()).resolves.toBe('from the page');
  });

  it('a call the worker could not deliver rejects with its coded error', async () => {
    const { worker } = fakeWorker(async () => {
      throw new InterceptorError('ApiUnreachable', 'POST /cart');
    });
    await expect(
      sendThroughWorker(worker, new Request(`${API}/c`, { method: 'POST' }), 'x', pageFetch),
    ).rejects.toMatchObject({ code: 'ApiUnreachable' });
  });
});
