import { Workbox } from 'workbox-window';
import { ErrorCode, InterceptorError, toErrorInfo } from '../core/errors';
import { isWorkerEvent } from '../core/protocol';
import { createEmitter } from './createEmitter';
import { holdApiCallsUntilReady } from './holdApiCallsUntilReady';
import { messageWorker } from './messageWorker';
import type { InterceptorEvents, SwTokenInterceptor } from './SwTokenInterceptor';
import type { ValidInstallOptions } from './validateInstallOptions';
import { waitForControl } from './waitForControl';

// Installing a worker on a slow connection takes a while; after this the page is told plainly.
const READY_TIMEOUT_MS = 15_000;
// session() may have to wait for a token, retries included.
const MESSAGE_TIMEOUT_MS = 15_000;

/**
 * Logs a coded error the way every part of the page side does.
 *
 * @param error - what failed
 */
export function logError(error: unknown): void {
  const { code, message } = toErrorInfo(error);
  console.error(`[sw-token-interceptor] ${code}: ${message}`);
}

/**
 * Registers the worker, waits for it to control the page, and returns the page's handle.
 *
 * @param options - checked configuration
 * @param win - the page's window
 * @returns the handle
 */
export function startClient(
  options: ValidInstallOptions,
  win: Window & typeof globalThis = window,
): SwTokenInterceptor {
  const events = createEmitter<InterceptorEvents>();
  const container = 'serviceWorker' in win.navigator ? win.navigator.serviceWorker : undefined;

  const ready = (async () => {
    if (!container) {
      throw new InterceptorError(
        ErrorCode.WorkerUnavailable,
        'this browser offers no service workers',
      );
    }
    container.addEventListener('message', (event) => {
      const data: unknown = event.data;
      if (!isWorkerEvent(data)) return;
      if (data.type === 'session') events.emit('session', data.session);
      else if (data.type === 'error') events.emit('error', data.error);
      else events.emit('intercept', data.intercept);
    });
    container.startMessages();
    let registration: ServiceWorkerRegistration | undefined;
    try {
      registration = await new Workbox(options.scriptURL, { scope: options.scope }).register({
        immediate: true,
      });
    } catch {
      throw new InterceptorError(
        ErrorCode.WorkerUnavailable,
        `registering ${options.scriptURL.split('?')[0]} failed`,
      );
    }
    // Some hosts (policies, automation with workers blocked) resolve without a registration.
    if (!registration) {
      throw new InterceptorError(
        ErrorCode.WorkerUnavailable,
        'the browser refused the registration',
      );
    }
    await waitForControl(container, options.scriptURL, READY_TIMEOUT_MS);
  })();
  ready.catch((error: unknown) => {
    logError(error);
    events.emit('error', toErrorInfo(error));
  });
  holdApiCallsUntilReady(win, options.worker.apiOrigin, ready);

  const controller = async () => {
    await ready;
    const worker = container?.controller;
    if (!worker)
      throw new InterceptorError(ErrorCode.WorkerUnavailable, 'the page lost its worker');
    return worker;
  };

  return {
    ready,
    session: async () => messageWorker(await controller(), 'session', MESSAGE_TIMEOUT_MS),
    clear: async () => {
      await messageWorker(await controller(), 'clear', MESSAGE_TIMEOUT_MS);
    },
    on: events.on,
  };
}
