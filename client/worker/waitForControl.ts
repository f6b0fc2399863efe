import { InterceptorError } from '../../core/errors/errors.js';
import { messageWorker } from './messageWorker.js';

/**
 * Resolves once a worker controls this page: the one at `scriptURL`, or any worker when the
 * storefront hosts the interceptor in its own (`scriptURL` undefined). On a first visit the
 * worker claims the page as it activates. After a Shift-reload the worker is active but the page
 * is not controlled, so the page asks it to claim.
 *
 * @param container - `navigator.serviceWorker`
 * @param scriptURL - the worker script's absolute URL, query included, or undefined for any
 * @param timeoutMs - when to give up
 * @returns the controlling worker
 * @throws InterceptorError `WorkerUnavailable` when control never comes
 */
export function waitForControl(
  container: ServiceWorkerContainer,
  scriptURL: string | undefined,
  timeoutMs: number,
): Promise<ServiceWorker> {
  const ours = () => {
    const controller = container.controller;
    return controller && (scriptURL === undefined || controller.scriptURL === scriptURL)
      ? controller
      : undefined;
  };
  const now = ours();
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', onChange);
    };
    const onChange = () => {
      const controller = ours();
      if (!controller) return;
      done();
      resolve(controller);
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new InterceptorError('WorkerUnavailable', 'no worker took control of this page in time'),
      );
    }, timeoutMs);
    container.addEventListener('controllerchange', onChange);
    void container.ready
      .then((registration) => {
        const active = registration.active;
        if (!ours() && active && (scriptURL === undefined || active.scriptURL === scriptURL)) {
          return messageWorker(active, { type: 'claim' }, timeoutMs);
        }
      })
      .catch(() => undefined);
  });
}
