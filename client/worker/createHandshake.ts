import { InterceptorError } from '../../core/errors/errors.js';
import { VERSION } from '../../core/version.js';
import { logError } from '../events/logError.js';
import { messageWorker } from './messageWorker.js';

// A controlling worker that does not answer this quickly does not host the interceptor.
const HELLO_TIMEOUT_MS = 2_000;

/** The version handshake (`hello`) with the workers that control this page. */
export interface Handshake {
  /**
   * Says `hello` to a worker once, however many paths ask (start-up, `controllerchange`), and
   * warns in the console when the worker is of another build than the page.
   *
   * @param worker - the worker to greet
   * @returns settles when the worker answered: it hosts the interceptor
   * @throws InterceptorError `WorkerUnavailable` when it does not answer in time
   */
  greet(worker: ServiceWorker): Promise<void>;
  /**
   * @param worker - a worker
   * @returns whether it answered the handshake, and so hosts the interceptor
   */
  hosts(worker: ServiceWorker): boolean;
}

/**
 * Creates the page's handshake, which remembers each worker it greeted.
 *
 * @returns the handshake
 */
export function createHandshake(): Handshake {
  const greetings = new WeakMap<ServiceWorker, Promise<void>>();
  const hosts = new WeakSet<ServiceWorker>();
  const hello = async (worker: ServiceWorker) => {
    const { version } = await messageWorker(
      worker,
      { type: 'hello', version: VERSION },
      HELLO_TIMEOUT_MS,
    );
    hosts.add(worker);
    if (version !== VERSION) {
      logError(
        new InterceptorError('VersionMismatch', `page ${VERSION}, worker ${version}`),
        'warn',
        '; redeploy both files together',
      );
    }
  };
  return {
    greet(worker) {
      let greeting = greetings.get(worker);
      if (!greeting) {
        greeting = hello(worker);
        greetings.set(worker, greeting);
      }
      return greeting;
    },
    hosts: (worker) => hosts.has(worker),
  };
}
