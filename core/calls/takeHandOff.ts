import { InterceptorError } from '../errors/errors.js';
import { HAND_OFF_HEARTBEAT_MS, isHandOffStep } from '../protocol/HandOffStep.js';
import { PROTOCOL_TAG } from '../protocol/protocol.js';

// A page that is there confirms at once; one that is not (crashed, frozen) never will.
const CONFIRM_TIMEOUT_MS = 10_000;

/** The worker's side of one hand-off's exchange on its port (`HandOffStep`). */
export interface HandOffTaking {
  /**
   * Waits until the call may go, and says `sending` as it does: from then on the page will not
   * send it itself.
   *
   * @param ready - what the call needs to leave at once (the token in memory), so that as
   *   little as can be happens between `sending` and the call leaving
   * @returns settles once the call may go: confirmed and not refused since, or committed by a
   *   page that was leaving
   * @throws InterceptorError `ProtocolError`, unsent, when the page refused it (it sends the
   *   call itself) or never confirmed it
   */
  mayGo(ready: () => Promise<unknown>): Promise<void>;
  /** Ends the exchange; the answer follows on the port. */
  done(): void;
}

/**
 * Takes a call a page handed over: says `received` on its port at once and `alive` until
 * {@link HandOffTaking.done}, so the page can tell a lost message or a stopped worker from a
 * slow call, and lets nothing be sent without the page's `confirm` (unless the page committed
 * the call as it left) or after its `refuse`.
 *
 * @param port - the hand-off's port; without one, no page can confirm
 * @param committed - the page was leaving: it cannot send the call itself
 * @param timeoutMs - how long to wait for the page's confirm
 * @returns the exchange
 */
export function takeHandOff(
  port: MessagePort | undefined,
  committed: boolean,
  timeoutMs = CONFIRM_TIMEOUT_MS,
): HandOffTaking {
  const say = (type: 'received' | 'alive' | 'sending') =>
    port?.postMessage({ tag: PROTOCOL_TAG, type });
  let confirmed = committed;
  let refused = false;
  let heard: (() => void) | undefined;
  const onMessage = (event: MessageEvent) => {
    const step: unknown = event.data;
    if (!isHandOffStep(step)) return;
    if (step.type === 'confirm') confirmed = true;
    // A refusal counts even after a confirm: the page took this worker for stopped.
    if (step.type === 'refuse') refused = true;
    heard?.();
  };
  port?.addEventListener('message', onMessage);
  port?.start();
  // At once: the page waits a short while for it, a token renewal may take longer.
  say('received');
  const heartbeat = setInterval(() => say('alive'), HAND_OFF_HEARTBEAT_MS);
  return {
    async mayGo(ready) {
      await ready().catch(() => undefined);
      if (!confirmed && !refused && port) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          heard = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      if (refused || !confirmed) {
        throw new InterceptorError(
          'ProtocolError',
          refused ? 'the page sent the handed call itself' : 'no page confirmed the handed call',
        );
      }
      // In the turn the call leaves in: a page that heard it never sends the call itself.
      say('sending');
    },
    done() {
      clearInterval(heartbeat);
      port?.removeEventListener('message', onMessage);
    },
  };
}
