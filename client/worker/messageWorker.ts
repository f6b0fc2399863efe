import { InterceptorError } from '../../core/errors/errors.js';
import {
  type PageRequest,
  type ReplyValues,
  request,
  type Untagged,
} from '../../core/protocol/protocol.js';

/**
 * Asks the worker something and waits for its answer, never longer than `timeoutMs`.
 *
 * @param worker - the worker to ask
 * @param message - what to ask
 * @param timeoutMs - how long to wait for the answer
 * @returns the answer's value, typed by the request
 * @throws InterceptorError with the code the worker reported, or `WorkerUnavailable` on timeout
 */
export async function messageWorker<R extends Untagged<PageRequest>>(
  worker: ServiceWorker,
  message: R,
  timeoutMs: number,
): Promise<ReplyValues[R['type']]> {
  const value = await request((data, ports) => worker.postMessage(data, ports), message, {
    timeoutMs,
    timeoutError: () => new InterceptorError('WorkerUnavailable', `no answer to '${message.type}'`),
  });
  return value as ReplyValues[R['type']];
}
