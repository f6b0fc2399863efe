import { describe, expect, it, vi } from 'vitest';
import { InterceptorError } from '../../core/errors/errors.js';
import { fail, type HandedCall, OPAQUE_REDIRECT_HEADER } from '../../core/protocol/protocol.js';
import { createHandOff } from './createHandOff.js';
import { dutifulWorker, okAnswer, scriptedWorker } from './handOffWorker.fixtures.js';
import { sendThroughWorker } from './sendThroughWorker.js';

const API = 'https://api.example.com';
const bounds = { receiptMs: 40, silenceMs: 60, answerMs: 5_000 };
const pageFetch = () => vi.fn(async (_request: Request) => new Response('from the page'));
const keepalive = (init: RequestInit = {}) =>
  new Request(`${API}/cart`, { method: 'POST', body: '{"quantity":3}', keepalive: true, ...init });
/** Sends `request` through `worker` as the patched fetch does, with a hand-off of its own. */
const handToWorker = (
  worker: ServiceWorker,
  send = pageFetch(),
  request = keepalive(),
  body: BodyInit | undefined = 'x',
) => sendThroughWorker(createHandOff(new EventTarget(), bounds), worker, request, body, send);

describe('sendThroughWorker: the call and its answer', () => {
  it('posts a string body as the page gave it, before the call first waits', async () => {
    const { worker, handedOver } = dutifulWorker();
    const request = keepalive({ redirect: 'manual' });
    const answered = handToWorker(worker, pageFetch(), request, '{"quantity":3}');
    // Already posted, before the call first waited: a page going away (pagehide) gets it out.
    expect(handedOver).toHaveLength(1);
    const response = await answered;
    expect(handedOver[0]?.call).toMatchObject({
      url: `${API}/cart`,
      method: 'POST',
      body: '{"quantity":3}',
      redirect: 'manual',
    });
    expect(handedOver[0]?.call.headers).toContainEqual([
      'content-type',
      'text/plain;charset=UTF-8',
    ]);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-seen')).toBe('POST');
    await expect(response.json()).resolves.toEqual({ saved: true });
  });

  it('sends the bytes of bodies postMessage cannot carry, with their content type', async () => {
    const { worker, handedOver } = dutifulWorker();
    const handOff = createHandOff(new EventTarget(), bounds);
    const form = new URLSearchParams({ quantity: '3' });
    await sendThroughWorker(handOff, worker, keepalive({ body: form }), form, pageFetch());
    const data = new FormData();
    data.set('quantity', '3');
    await sendThroughWorker(handOff, worker, keepalive({ body: data }), data, pageFetch());
    const [urlEncoded, multipart] = handedOver.map((handed) => handed.call);
    expect(urlEncoded?.body).toBe('quantity=3');
    expect(new TextDecoder().decode(multipart?.body as ArrayBuffer)).toContain('name="quantity"');
    expect(multipart?.headers.find(([name]) => name === 'content-type')?.[1]).toMatch(
      /^multipart\/form-data; boundary=/,
    );
  });

  it('a 204 answer becomes a bodiless response', async () => {
    const { worker } = scriptedWorker((handed) => {
      handed.say('received');
      handed.answer({ ...okAnswer(handed.call), status: 204, body: new ArrayBuffer(0) });
    });
    // No body at all: the helper's default would give it one.
    const response = await sendThroughWorker(
      createHandOff(new EventTarget(), bounds),
      worker,
      new Request(`${API}/c`, { keepalive: true }),
      undefined,
      pageFetch(),
    );
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('an opaque-redirect answer is asked of the worker again as a genuine opaque redirect, token-less and unsent', async () => {
    const { worker } = scriptedWorker((handed) => {
      handed.say('received');
      handed.answer({ ...okAnswer(handed.call), opaqueRedirect: true, status: 0, headers: [] });
    });
    const send = pageFetch();
    await handToWorker(worker, send, keepalive({ redirect: 'manual' }), '{"quantity":3}');
    const replay = send.mock.calls[0]?.[0] as Request;
    expect(replay).toMatchObject({ url: `${API}/cart`, method: 'GET', redirect: 'manual' });
    expect(replay.credentials).toBe('omit');
    expect(replay.headers.get(OPAQUE_REDIRECT_HEADER)).toBe('1');
  });

  it('a worker of an older build that refuses the message leaves the call to go as the page made it', async () => {
    const { worker } = scriptedWorker((handed) =>
      handed.port.postMessage(fail(new InterceptorError('ProtocolError'))),
    );
    const send = pageFetch();
    const response = await handToWorker(worker, send, keepalive(), '{"quantity":3}');
    await expect(response.text()).resolves.toBe('from the page');
    expect(send.mock.calls[0]?.[0].keepalive).toBe(true);
  });

  it('a call the worker could not deliver rejects with its coded error', async () => {
    const { worker } = scriptedWorker((handed) => {
      handed.say('received');
      handed.port.postMessage(fail(new InterceptorError('ApiUnreachable', 'POST /cart')));
    });
    await expect(handToWorker(worker)).rejects.toMatchObject({ code: 'ApiUnreachable' });
  });
});

/** The call as sent by whichever side sent it. */
const sentBy = (send: ReturnType<typeof pageFetch>, handed: { heard: string[] }[]) => ({
  page: send.mock.calls.length,
  refusedToWorker: handed.filter((h) => h.heard.includes('refuse')).length,
});

describe('sendThroughWorker: sent once, whatever becomes of the worker', () => {
  it('a message the worker never gets: the page sends the call itself, past keepalive, once it told the worker to refuse it', async () => {
    const { worker, handedOver } = scriptedWorker(() => undefined);
    const send = pageFetch();
    const response = await handToWorker(worker, send, keepalive(), '{"quantity":3}');
    await expect(response.text()).resolves.toBe('from the page');
    // Without keepalive, so it is a fetch event the worker authorizes in every engine.
    expect(send.mock.calls[0]?.[0]).toMatchObject({ method: 'POST', keepalive: false });
    await expect(send.mock.calls[0]?.[0].text()).resolves.toBe('{"quantity":3}');
    await vi.waitFor(() =>
      expect(sentBy(send, handedOver)).toEqual({ page: 1, refusedToWorker: 1 }),
    );
  });

  it('a worker that gets the message after the page gave up finds it refused', async () => {
    let deliver!: () => void;
    const late = new Promise<void>((resolve) => {
      deliver = resolve;
    });
    const { worker, handedOver } = scriptedWorker(async (handed) => {
      await late;
      handed.say('received');
    });
    const send = pageFetch();
    await handToWorker(worker, send);
    deliver();
    // Its first word from the page is the refusal: the worker sends nothing, and no confirm follows.
    await vi.waitFor(() => expect(handedOver[0]?.heard).toEqual(['refuse']));
  });

  it('a worker stopped after it received the call, before sending it: the page sends it, once', async () => {
    const { worker, handedOver } = scriptedWorker((handed) => handed.say('received'));
    const send = pageFetch();
    await handToWorker(worker, send);
    await vi.waitFor(() => expect(handedOver[0]?.heard).toEqual(['confirm', 'refuse']));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a worker stopped as the call left: WorkerUnavailable within the bound, and the page never sends it', async () => {
    const { worker, handedOver } = scriptedWorker(async (handed) => {
      handed.say('received');
      await handed.next();
      handed.say('sending');
    });
    const send = pageFetch();
    await expect(handToWorker(worker, send)).rejects.toMatchObject({ code: 'WorkerUnavailable' });
    expect(send).not.toHaveBeenCalled();
    expect(handedOver[0]?.heard).toEqual(['confirm']);
  });

  it('a slow call the worker keeps saying it is alive for is waited for', async () => {
    const { worker } = scriptedWorker(async (handed) => {
      handed.say('received');
      await handed.next();
      for (let beat = 0; beat < 4; beat++) {
        await new Promise((resolve) => setTimeout(resolve, bounds.silenceMs / 2));
        handed.say('alive');
      }
      handed.say('sending');
      handed.answer(okAnswer(handed.call));
    });
    const send = pageFetch();
    const response = await handToWorker(worker, send);
    expect(response.status).toBe(200);
    expect(send).not.toHaveBeenCalled();
  });

  it('a page that leaves commits its calls to the worker: those not yet received are confirmed, later ones handed over committed', async () => {
    const page = new EventTarget();
    const handOff = createHandOff(page, bounds);
    const { worker, handedOver } = scriptedWorker(() => undefined);
    const call = {
      url: `${API}/cart`,
      method: 'POST',
      headers: [],
      body: 'x',
    } as unknown as HandedCall;
    const first = handOff(worker, call);
    page.dispatchEvent(new Event('pagehide'));
    const second = handOff(worker, call);
    expect(handedOver.map((handed) => handed.committed)).toEqual([false, true]);
    // A page still there when the worker never answered (restored from the back-forward cache)
    // sends them itself, and the worker was told first.
    await expect(first).resolves.toEqual({ sendItself: true });
    await expect(second).resolves.toEqual({ sendItself: true });
    await vi.waitFor(() =>
      expect(handedOver.map((handed) => handed.heard)).toEqual([['confirm', 'refuse'], ['refuse']]),
    );
  });
});
