import { messageSW } from 'workbox-window/messageSW.js';
import { ErrorCode, InterceptorError } from '../core/errors.js';
import { isReply, type PageRequest, PROTOCOL_TAG, type ReplyValues } from '../core/protocol.js';

/** A page request without its tag, which {@link messageWorker} adds. */
export type UntaggedRequest = PageRequest extends infer R
  ? R extends PageRequest
    ? Omit<R, 'tag'>
    : never
  : never;

/**
 * Asks the worker something over a fresh `MessageChannel` and waits for its answer on
 * `ports[0]`, never longer than `timeoutMs`.
 *
 * @param worker - the worker to ask
 * @param request - what to ask
 * @param timeoutMs - how long to wait for the answer
 * @returns the answer's value
 * @throws InterceptorError with the code the worker reported, or `WorkerUnavailable` on timeout
 */
export async function messageWorker<R extends UntaggedRequest>(
  worker: ServiceWorker,
  request: R,
  timeoutMs: number,
): Promise<ReplyValues[R['type']]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new InterceptorError(ErrorCode.WorkerUnavailable, `no answer to '${request.type}'`)),
      timeoutMs,
    );
  });
  try {
    const reply: unknown = await Promise.race([
      messageSW(worker, { ...request, tag: PROTOCOL_TAG }),
      timeout,
    ]);
    if (!isReply(reply)) throw new InterceptorError(ErrorCode.ProtocolError);
    if (!reply.ok) throw InterceptorError.fromInfo(reply.error);
    return reply.value as ReplyValues[R['type']];
  } finally {
    clearTimeout(timer);
  }
}
