import { describe, expect, it, vi } from 'vitest';
import { registerWorker } from './registerWorker.js';

const SCRIPT = 'https://shop.example/sw-token-interceptor.sw.js?provider=firmly&appId=a';
const SCOPE = 'https://shop.example/';

/** `navigator.serviceWorker`, as far as registration touches it. */
const container = (register: ServiceWorkerContainer['register']) =>
  ({ register: vi.fn(register) }) as unknown as ServiceWorkerContainer & {
    register: ReturnType<typeof vi.fn>;
  };

describe('registerWorker', () => {
  it('registers the worker URL, configuration included, for the configured scope', async () => {
    const workers = container(async () => ({}) as ServiceWorkerRegistration);
    await registerWorker(workers, SCRIPT, SCOPE);
    expect(workers.register).toHaveBeenCalledWith(SCRIPT, { scope: SCOPE });
  });

  it('a registration the browser refuses (a missing worker file) is WorkerUnavailable, naming the file but not its configuration', async () => {
    const workers = container(async () => {
      throw new TypeError('bad HTTP response code (404)');
    });
    const error = await registerWorker(workers, SCRIPT, SCOPE).catch((reason: unknown) => reason);
    expect(error).toMatchObject({
      code: 'WorkerUnavailable',
      message: expect.stringContaining(
        'registering https://shop.example/sw-token-interceptor.sw.js failed',
      ),
    });
    expect((error as Error).message).not.toContain('appId');
  });

  it('a host that resolves without a registration (workers blocked by policy) is WorkerUnavailable', async () => {
    const workers = container(async () => undefined as unknown as ServiceWorkerRegistration);
    await expect(registerWorker(workers, SCRIPT, SCOPE)).rejects.toMatchObject({
      code: 'WorkerUnavailable',
      message: expect.stringContaining('the browser refused the registration'),
    });
  });
});
