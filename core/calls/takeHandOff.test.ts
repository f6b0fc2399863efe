import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import { PROTOCOL_TAG } from '../protocol/protocol.js';
import { takeHandOff } from './takeHandOff.js';

/** A hand-off's port, and the page's end of it: what the worker said, and a way to answer. */
function handOffPort() {
  const { port1: page, port2: worker } = new MessageChannel();
  const heard: string[] = [];
  page.onmessage = (event) => heard.push(event.data.type);
  const say = (type: 'confirm' | 'refuse') => page.postMessage({ tag: PROTOCOL_TAG, type });
  return { worker, heard, say };
}
const tokenReady = async () => 'token';

describe('takeHandOff', () => {
  it('says received at once, and lets the call go only once the page confirmed, saying sending', async () => {
    const { worker, heard, say } = handOffPort();
    const taking = takeHandOff(worker, false);
    let went = false;
    const going = taking.mayGo(tokenReady).then(() => {
      went = true;
    });
    await vi.waitFor(() => expect(heard).toEqual(['received']));
    expect(went).toBe(false);
    say('confirm');
    await going;
    taking.done();
    await vi.waitFor(() => expect(heard).toEqual(['received', 'sending']));
  });

  it('gets the token ready before it says sending, so the call leaves at once after it', async () => {
    const { worker, heard, say } = handOffPort();
    say('confirm');
    let release!: () => void;
    const ready = new Promise<void>((resolve) => {
      release = resolve;
    });
    const taking = takeHandOff(worker, false);
    const going = taking.mayGo(() => ready);
    await vi.waitFor(() => expect(heard).toEqual(['received']));
    release();
    await going;
    taking.done();
    await vi.waitFor(() => expect(heard).toEqual(['received', 'sending']));
  });

  it("a page's refusal leaves the call unsent, even after its confirm: the page sends it itself", async () => {
    for (const words of [['refuse'], ['confirm', 'refuse']] as const) {
      const { worker, heard, say } = handOffPort();
      for (const word of words) say(word);
      const taking = takeHandOff(worker, false);
      // The page's words are read before the call may go, as they are when the token is fetched.
      await vi.waitFor(() => expect(heard).toEqual(['received']));
      await expect(
        taking.mayGo(() => new Promise((resolve) => setTimeout(resolve, 20))),
      ).rejects.toMatchObject({ code: ErrorCode.ProtocolError });
      taking.done();
      expect(heard).not.toContain('sending');
    }
  });

  it('a call the page committed as it left goes without a confirm', async () => {
    const { worker, heard } = handOffPort();
    const taking = takeHandOff(worker, true);
    await taking.mayGo(tokenReady);
    taking.done();
    await vi.waitFor(() => expect(heard).toEqual(['received', 'sending']));
  });

  it('a call no page confirms in time, or handed over without a port, is not sent', async () => {
    const { worker } = handOffPort();
    const unconfirmed = takeHandOff(worker, false, 30);
    await expect(unconfirmed.mayGo(tokenReady)).rejects.toMatchObject({
      code: ErrorCode.ProtocolError,
    });
    unconfirmed.done();
    const portless = takeHandOff(undefined, false);
    await expect(portless.mayGo(tokenReady)).rejects.toMatchObject({
      code: ErrorCode.ProtocolError,
    });
    portless.done();
  });

  it('says alive while it holds the call, and nothing once done', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { worker, heard } = handOffPort();
      const taking = takeHandOff(worker, true);
      vi.advanceTimersByTime(2_000);
      taking.done();
      vi.advanceTimersByTime(5_000);
      await vi.waitFor(() => expect(heard).toEqual(['received', 'alive', 'alive']));
    } finally {
      vi.useRealTimers();
    }
  });
});
