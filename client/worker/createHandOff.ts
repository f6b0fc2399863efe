import { InterceptorError } from '../../core/errors/errors.js';
import { HAND_OFF_HEARTBEAT_MS, isHandOffStep } from '../../core/protocol/HandOffStep.js';
import {
  type HandedAnswer,
  type HandedCall,
  isReply,
  PROTOCOL_TAG,
} from '../../core/protocol/protocol.js';

/** How long the page waits to hear from the worker holding a handed call. */
export interface HandOffBounds {
  /** For `received`: past it, the message was lost or the worker stopped before reading it. */
  receiptMs: number;
  /** Between two steps: past it, the worker stopped while it held the call. */
  silenceMs: number;
  /** For the answer: it comes when the API's does, renewal and retry included. */
  answerMs: number;
}

const BOUNDS: HandOffBounds = {
  // A worker stopped by the browser starts and answers a message in 7 to 14 ms here (Chromium,
  // stopped over CDP, then messaged): a hundred times that leaves a slow device's cold start
  // room, and a lost message costs the shopper one second.
  receiptMs: 1_000,
  // Three heartbeats missed.
  silenceMs: 3 * HAND_OFF_HEARTBEAT_MS,
  answerMs: 60_000,
};

/** What became of a handed call: the worker's answer, or the page must send it itself. */
export type HandOffOutcome = { answer: HandedAnswer } | { sendItself: true };

/**
 * Hands one call to the worker and sees it sent exactly once (decision 019).
 *
 * @param worker - the worker that hosts the interceptor
 * @param call - the call, as `postMessage` can carry it
 * @returns the worker's answer; or `sendItself` when the worker stopped, or the message was
 *   lost, before the call left (the worker, if it still runs, has been told not to send it). A
 *   page that left runs no timer, so only one still there (restored from the back-forward
 *   cache, say) ever sends a call it committed
 * @throws InterceptorError with the worker's code (`ProtocolError`: refused unsent), or
 *   `WorkerUnavailable` when the worker stopped as the call left, so no answer will come
 */
export type HandOff = (worker: ServiceWorker, call: HandedCall) => Promise<HandOffOutcome>;

/**
 * Creates the page's hand-off. The message is posted at once, in the page's `fetch` call. The
 * page confirms the worker's `received`, and sends the call itself only if the worker then goes
 * silent before it said `sending` (`HandOffStep`). A page that leaves can send nothing itself:
 * it confirms every call not yet received, and hands later ones over committed.
 *
 * @param win - the page's window, whose `pagehide` commits its calls to the worker
 * @param bounds - how long to wait for each step
 * @returns the hand-off
 */
export function createHandOff(win: EventTarget, bounds: HandOffBounds = BOUNDS): HandOff {
  let leaving = false;
  const unconfirmed = new Set<() => void>();
  win.addEventListener('pagehide', () => {
    leaving = true;
    for (const confirm of unconfirmed) confirm();
  });
  win.addEventListener('pageshow', () => {
    leaving = false;
  });
  return (worker, call) =>
    new Promise((resolve, reject) => {
      const { port1: port, port2 } = new MessageChannel();
      const committed = leaving;
      let sending = false;
      let silence: ReturnType<typeof setTimeout> | undefined;
      let cap: ReturnType<typeof setTimeout> | undefined;
      const say = (type: 'confirm' | 'refuse') => port.postMessage({ tag: PROTOCOL_TAG, type });
      const end = () => {
        clearTimeout(silence);
        clearTimeout(cap);
        unconfirmed.delete(confirm);
        // Late steps of a call the page gave up on are ignored; the worker was told.
        port.onmessage = null;
      };
      const confirm = () => {
        unconfirmed.delete(confirm);
        say('confirm');
      };
      const gone = (detail: string) => {
        end();
        if (sending) {
          reject(new InterceptorError('WorkerUnavailable', detail));
          return;
        }
        // Said before the page sends: a worker that still runs, or gets the message late, does not.
        say('refuse');
        resolve({ sendItself: true });
      };
      const listen = (ms: number) => {
        clearTimeout(silence);
        silence = setTimeout(() => gone('the worker stopped with a handed call'), ms);
      };
      cap = setTimeout(() => gone("no answer to 'handOff'"), bounds.answerMs);
      port.onmessage = (event: MessageEvent) => {
        const data: unknown = event.data;
        if (isReply(data)) {
          end();
          port.close();
          if (data.ok) resolve({ answer: data.value as HandedAnswer });
          else reject(InterceptorError.fromInfo(data.error));
        } else if (isHandOffStep(data)) {
          if (data.type === 'received' && unconfirmed.has(confirm)) confirm();
          if (data.type === 'sending') sending = true;
          listen(bounds.silenceMs);
        }
      };
      if (!committed) unconfirmed.add(confirm);
      listen(bounds.receiptMs);
      try {
        worker.postMessage({ tag: PROTOCOL_TAG, type: 'handOff', call, committed }, [port2]);
      } catch (error) {
        end();
        reject(error);
      }
    });
}
