import { ErrorCode, InterceptorError } from '../core/errors.js';
import { isReply, PROTOCOL_TAG, type WorkerRequest } from '../core/protocol.js';
import type { AskPage } from '../core/providers/digitalriver/digitalRiverProvider.js';

// Long enough for a JSONP round trip on a slow connection; the page has its own timeout inside.
const ASK_TIMEOUT_MS = 12_000;

function ask(client: Client, signal: AbortSignal | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      channel.port1.close();
    };
    const onAbort = () => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      done();
      reject(new InterceptorError(ErrorCode.SessionTokenFailed, 'no answer from the page'));
    }, ASK_TIMEOUT_MS);
    signal?.addEventListener('abort', onAbort, { once: true });
    channel.port1.onmessage = (event) => {
      done();
      const reply: unknown = event.data;
      if (!isReply(reply)) reject(new InterceptorError(ErrorCode.ProtocolError));
      else if (reply.ok) resolve(reply.value);
      else reject(InterceptorError.fromInfo(reply.error));
    };
    client.postMessage({ tag: PROTOCOL_TAG, type: 'runSessionToken' } satisfies WorkerRequest, [
      channel.port2,
    ]);
  });
}

/**
 * Asks the pages this worker controls, one after another, to run Digital River's SessionToken
 * site action, which must come from the shopper's browser with the store's cookies.
 *
 * @param scope - the worker's global scope
 * @returns the `askPage` the Digital River provider needs
 */
export function askControlledPage(scope: ServiceWorkerGlobalScope): AskPage {
  return async (signal) => {
    const windows = await scope.clients.matchAll({ type: 'window' });
    let failure: unknown = new InterceptorError(
      ErrorCode.SessionTokenFailed,
      'no open page of the store could run it',
    );
    for (const client of windows) {
      signal?.throwIfAborted();
      try {
        return await ask(client, signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        failure = error;
      }
    }
    throw failure;
  };
}
