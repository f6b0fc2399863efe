import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  answer,
  type Handlers,
  isPageRequest,
  type PageRequest,
  type ReplyValues,
} from '../../core/protocol/protocol.js';
import { VERSION } from '../../core/version.js';
import { createHandshake } from './createHandshake.js';

/** A worker that answers `hello` with `version`, or never answers when it is undefined. */
function fakeWorker(version: string | undefined) {
  const hellos: unknown[] = [];
  const hello: Handlers<PageRequest, ReplyValues>['hello'] = async () => ({
    version: version as string,
  });
  const handlers = { hello } as Pick<Handlers<PageRequest, ReplyValues>, 'hello'> as Handlers<
    PageRequest,
    ReplyValues
  >;
  const worker = {
    postMessage(message: unknown, ports: MessagePort[]) {
      hellos.push(message);
      if (version === undefined) return;
      void answer(handlers, message, isPageRequest).then((reply) => ports[0]?.postMessage(reply));
    },
  } as unknown as ServiceWorker;
  return { worker, hellos };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createHandshake', () => {
  it('a worker of this build answers hello: it hosts the interceptor, and nothing is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handshake = createHandshake();
    const { worker, hellos } = fakeWorker(VERSION);
    expect(handshake.hosts(worker)).toBe(false);
    await handshake.greet(worker);
    expect(handshake.hosts(worker)).toBe(true);
    expect(hellos).toEqual([expect.objectContaining({ type: 'hello', version: VERSION })]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('start-up and controllerchange both greeting one worker send it one hello', async () => {
    const handshake = createHandshake();
    const { worker, hellos } = fakeWorker(VERSION);
    const first = handshake.greet(worker);
    expect(handshake.greet(worker)).toBe(first);
    await first;
    await handshake.greet(worker);
    expect(hellos).toHaveLength(1);
  });

  it('a worker of another build still hosts the interceptor, and the console says to redeploy both files', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handshake = createHandshake();
    const { worker } = fakeWorker('0.0.9+stale');
    await handshake.greet(worker);
    expect(handshake.hosts(worker)).toBe(true);
    expect(warn).toHaveBeenCalledWith(
      `[sw-token-interceptor] VersionMismatch: Page script and worker differ in build (page ${VERSION}, worker 0.0.9+stale); redeploy both files together`,
    );
  });

  it('a controlling worker that never answers is not a host: the greeting fails after 2 s', async () => {
    vi.useFakeTimers();
    const handshake = createHandshake();
    const { worker } = fakeWorker(undefined);
    const greeting = handshake.greet(worker);
    const outcome = expect(greeting).rejects.toMatchObject({ code: 'WorkerUnavailable' });
    await vi.advanceTimersByTimeAsync(2_000);
    await outcome;
    expect(handshake.hosts(worker)).toBe(false);
  });
});
