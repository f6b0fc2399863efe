import { messageSW } from 'workbox-window';
import { ErrorCode, InterceptorError } from '../core/errors';
import { isReply, type PageRequest, PROTOCOL_TAG, type ReplyValues } from '../core/protocol';

/**
 * Asks the worker something over a fresh `MessageChannel` and waits for its answer on
 * `ports[0]`, never longer than `timeoutMs`.
 *
 * @param worker - the worker to ask
 * @param type - what to ask
 * @param timeoutMs - how long to wait for the answer
 * @returns the answer's value
 * @throws InterceptorError with the code the worker reported, or `WorkerUnavailable` on timeout
 */
export async function messageWorker<T extends PageRequest['type']>(
  worker: ServiceWorker,
  type: T,
  timeoutMs: number,
): Promise<ReplyValues[T]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new InterceptorError(ErrorCode.WorkerUnavailable, `no answer to '${type}'`)),
      timeoutMs,
    );
  });
  try {
    const reply: unknown = await Promise.race([
      messageSW(worker, { tag: PROTOCOL_TAG, type }),
      timeout,
    ]);
    if (!isReply(reply)) throw new InterceptorError(ErrorCode.ProtocolError);
    if (!reply.ok) throw InterceptorError.fromInfo(reply.error);
    return reply.value as ReplyValues[T];
  } finally {
    clearTimeout(timer);
  }
}
