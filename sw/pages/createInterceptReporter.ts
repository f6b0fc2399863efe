import type { InterceptInfo } from '../../core/calls/InterceptInfo.js';
import { PROTOCOL_TAG, type WorkerEvent } from '../../core/protocol/protocol.js';

// Long enough to gather a burst of calls into one message, short enough for a live panel.
const BATCH_MS = 50;

/**
 * Reports handled API calls to the pages that made them, in batches: one `clients.get` and one
 * message per page per burst rather than per call, which keeps the cost off every API call.
 *
 * @param clients - the worker's `clients`
 * @returns a function that queues one report and returns a promise of its delivery, for
 *   `waitUntil`, so the worker is not stopped with reports still queued
 */
export function createInterceptReporter(
  clients: Clients,
): (clientId: string, info: InterceptInfo) => Promise<void> {
  const queued = new Map<string, InterceptInfo[]>();
  let flushed: Promise<void> | undefined;

  const flush = async () => {
    flushed = undefined;
    const batches = [...queued];
    queued.clear();
    await Promise.all(
      batches.map(([clientId, intercepts]) =>
        clients
          .get(clientId)
          .then((client) =>
            client?.postMessage({
              tag: PROTOCOL_TAG,
              type: 'intercept',
              intercepts,
            } satisfies WorkerEvent),
          )
          .catch(() => undefined),
      ),
    );
  };

  return (clientId, info) => {
    const list = queued.get(clientId);
    if (list) list.push(info);
    else queued.set(clientId, [info]);
    flushed ??= new Promise((resolve) => setTimeout(resolve, BATCH_MS)).then(flush);
    return flushed;
  };
}
