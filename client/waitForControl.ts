import { ErrorCode, InterceptorError } from '../core/errors';
import { messageWorker } from './messageWorker';

/**
 * Resolves once the worker at `scriptURL` controls this page. On a first visit the worker
 * claims the page as it activates. After a Shift-reload the worker is active but the page is
 * not controlled, so the page asks it to claim.
 *
 * @param container - `navigator.serviceWorker`
 * @param scriptURL - the worker script's absolute URL, query included
 * @param timeoutMs - when to give up
 * @throws InterceptorError `WorkerUnavailable` when control never comes
 */
export function waitForControl(
  container: ServiceWorkerContainer,
  scriptURL: string,
  timeoutMs: number,
): Promise<void> {
  const isOurs = () => container.controller?.scriptURL === scriptURL;
  if (isOurs()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', onChange);
    };
    const onChange = () => {
      if (!isOurs()) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new InterceptorError(
          ErrorCode.WorkerUnavailable,
          'the worker did not take control of this page',
        ),
      );
    }, timeoutMs);
    container.addEventListener('controllerchange', onChange);
    void container.ready
      .then((registration) => {
        const active = registration.active;
        if (!isOurs() && active?.scriptURL === scriptURL) {
          return messageWorker(active, 'claim', timeoutMs);
        }
      })
      .catch(() => undefined);
  });
}
