import { isOurMessage, type PROTOCOL_TAG } from './protocol.js';

/**
 * What the two sides say on a hand-off's port before the worker's `Reply`, so that the call is
 * sent once. The worker says `received` at once, `alive` every {@link HAND_OFF_HEARTBEAT_MS}
 * while it holds the call, and `sending` in the very turn the call leaves. The page answers
 * `received` with `confirm`; the worker sends nothing before it. When the page hears nothing
 * for a while and never heard `sending`, it takes the worker for stopped: it says `refuse`,
 * which the worker honours even after a confirm, and sends the call itself.
 */
export type HandOffStep =
  | { tag: typeof PROTOCOL_TAG; type: 'received' | 'alive' | 'sending' }
  | { tag: typeof PROTOCOL_TAG; type: 'confirm' | 'refuse' };

/** How often a worker holding a handed call says it is `alive`. */
export const HAND_OFF_HEARTBEAT_MS = 1_000;

const STEPS = new Set<string>(['received', 'alive', 'sending', 'confirm', 'refuse']);

/**
 * @param data - a message received on a hand-off's port
 * @returns whether it is one of its {@link HandOffStep}s
 */
export function isHandOffStep(data: unknown): data is HandOffStep {
  return isOurMessage(data) && STEPS.has((data as { type?: unknown }).type as string);
}
