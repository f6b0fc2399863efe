import {
  type HandedAnswer,
  type HandedCall,
  ok,
  PROTOCOL_TAG,
} from '../../core/protocol/protocol.js';

/** What a scripted worker is handed: the call, and the port it talks to the page on. */
export interface HandedOver {
  call: HandedCall;
  committed: boolean;
  port: MessagePort;
  /** Every step the page said on the port, in order. */
  heard: string[];
  say(type: 'received' | 'alive' | 'sending'): void;
  answer(value: HandedAnswer): void;
  /** Settles when the page next says something. */
  next(): Promise<string>;
}

/**
 * A worker whose every hand-off is played by `script`, step by step over a real
 * `MessageChannel`, as a test needs it: lost, stopped at any step, late, or as it should be.
 *
 * @param script - what the worker does with each hand-off it gets
 * @returns the worker, and every hand-off it got
 */
export function scriptedWorker(script: (handed: HandedOver) => void) {
  const handedOver: HandedOver[] = [];
  const worker = {
    postMessage(message: { call: HandedCall; committed: boolean }, ports: MessagePort[]) {
      const port = ports[0] as MessagePort;
      const waiting: ((step: string) => void)[] = [];
      const handed: HandedOver = {
        call: message.call,
        committed: message.committed,
        port,
        heard: [],
        say: (type) => port.postMessage({ tag: PROTOCOL_TAG, type }),
        answer: (value) => port.postMessage(ok(value)),
        next: () => new Promise((resolve) => waiting.push(resolve)),
      };
      port.onmessage = (event) => {
        handed.heard.push(event.data.type);
        for (const resolve of waiting.splice(0)) resolve(event.data.type);
      };
      handedOver.push(handed);
      script(handed);
    },
  } as unknown as ServiceWorker;
  return { worker, handedOver };
}

/** A 200 answer naming the method, as a worker reads it whole. */
export const okAnswer = (call: HandedCall): HandedAnswer => ({
  opaqueRedirect: false,
  status: 200,
  statusText: 'OK',
  headers: [['x-seen', call.method]],
  body: new TextEncoder().encode('{"saved":true}').buffer,
});

/** The worker as it should be: received, confirmed, sending, answered. */
export const dutifulWorker = () =>
  scriptedWorker(async (handed) => {
    handed.say('received');
    if (!handed.committed) await handed.next();
    handed.say('sending');
    handed.answer(okAnswer(handed.call));
  });
