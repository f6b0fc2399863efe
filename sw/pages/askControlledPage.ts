import { InterceptorError } from '../../core/errors/errors.js';
import { request } from '../../core/protocol/protocol.js';
import type { AskPage } from '../../core/providers/digitalriver/digitalRiverProvider.js';
import { SESSION_TOKEN_TIMEOUT_MS } from '../../core/providers/digitalriver/sessionTokenTimeout.js';

// The page runs the JSONP call under its own timeout; this one only covers the page's answer
// reaching us after that, so it is tied to the page's rather than set apart from it.
const ASK_TIMEOUT_MS = SESSION_TOKEN_TIMEOUT_MS + 2_000;

/**
 * Asks the pages this worker controls, one after another, to run Digital River's SessionToken
 * site action, which must come from the shopper's browser with the store's cookies: with the API
 * key when the worker's configuration says `tokenVia: 'api-key'`, so a page configured otherwise
 * still runs the one this worker reads.
 *
 * @param scope - the worker's global scope
 * @returns the `askPage` the Digital River provider needs
 */
export function askControlledPage(scope: ServiceWorkerGlobalScope): AskPage {
  return async (ask, signal) => {
    const windows = await scope.clients.matchAll({ type: 'window' });
    let failure: unknown = new InterceptorError(
      'SessionTokenFailed',
      'no open page of the store could run it',
    );
    for (const client of windows) {
      signal?.throwIfAborted();
      try {
        return await request(
          (data, ports) => client.postMessage(data, ports),
          { type: 'runSessionToken', ...ask },
          {
            timeoutMs: ASK_TIMEOUT_MS,
            timeoutError: () =>
              new InterceptorError('SessionTokenFailed', 'no answer from the page'),
            signal,
          },
        );
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        failure = error;
      }
    }
    throw failure;
  };
}
