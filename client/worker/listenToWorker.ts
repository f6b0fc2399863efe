import {
  isWorkerEvent,
  isWorkerRequest,
  type Reply,
  type WorkerRequest,
} from '../../core/protocol/protocol.js';
import type { Emitter } from '../events/createEmitter.js';
import type { InterceptorEvents } from '../SwTokenInterceptor.js';

/**
 * Listens to what the page's workers post to it: their events become the page's `session`,
 * `error` and `intercept` events, and their requests (Digital River's SessionToken) are answered
 * on the request's port. Starts the container's messages, which wait until then.
 *
 * @param container - `navigator.serviceWorker`
 * @param events - where the worker's events are emitted
 * @param answerRequest - answers one request of the worker; it never rejects
 */
export function listenToWorker(
  container: ServiceWorkerContainer,
  events: Emitter<InterceptorEvents>,
  answerRequest: (request: WorkerRequest) => Promise<Reply<unknown>>,
): void {
  container.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (isWorkerRequest(data)) {
      const port = event.ports[0];
      answerRequest(data).then((reply) => port?.postMessage(reply));
      return;
    }
    if (!isWorkerEvent(data)) return;
    if (data.type === 'session') events.emit('session', data.session);
    else if (data.type === 'error') events.emit('error', data.error);
    else for (const intercept of data.intercepts) events.emit('intercept', intercept);
  });
  container.startMessages();
}
