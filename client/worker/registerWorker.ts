import { InterceptorError } from '../../core/errors/errors.js';

/**
 * Registers our worker. The page calls it at once, not at its load event: the first cart call
 * must not wait.
 *
 * @param container - `navigator.serviceWorker`
 * @param scriptURL - the worker script's absolute URL, its configuration in the query
 * @param scope - the worker's absolute scope
 * @throws InterceptorError `WorkerUnavailable` when the browser refuses the registration
 */
export async function registerWorker(
  container: ServiceWorkerContainer,
  scriptURL: string,
  scope: string,
): Promise<void> {
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await container.register(scriptURL, { scope });
  } catch {
    throw new InterceptorError(
      'WorkerUnavailable',
      `registering ${scriptURL.split('?')[0]} failed`,
    );
  }
  // Some hosts (policies, automation with workers blocked) resolve without a registration.
  if (!registration) {
    throw new InterceptorError('WorkerUnavailable', 'the browser refused the registration');
  }
}
