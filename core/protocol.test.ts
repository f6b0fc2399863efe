import { describe, expect, it } from 'vitest';
import { isOurMessage, isPageRequest, isReply, isWorkerEvent, PROTOCOL_TAG } from './protocol.js';

describe('the page/worker protocol', () => {
  it('accepts the page requests it defines', () => {
    for (const type of ['session', 'clear', 'claim']) {
      expect(isPageRequest({ tag: PROTOCOL_TAG, type })).toBe(true);
    }
    expect(isPageRequest({ tag: PROTOCOL_TAG, type: 'hello', version: '1' })).toBe(true);
  });

  it('refuses anything that would change the configuration, or is malformed', () => {
    for (const data of [
      { tag: PROTOCOL_TAG, type: 'configure', apiOrigin: 'https://evil.example' },
      { tag: PROTOCOL_TAG, type: 'addOrigin', origin: 'https://evil.example' },
      { tag: PROTOCOL_TAG, type: 'setProvider', provider: 'other' },
      { tag: PROTOCOL_TAG, type: 'hello' },
      { tag: PROTOCOL_TAG },
      { type: 'session' },
      null,
      'session',
    ]) {
      expect(isPageRequest(data)).toBe(false);
    }
  });

  it("leaves a storefront's own messages alone", () => {
    expect(isOurMessage({ type: 'SKIP_WAITING' })).toBe(false);
    expect(isOurMessage({ tag: PROTOCOL_TAG, type: 'configure' })).toBe(true);
  });

  it('recognises worker events and replies', () => {
    expect(isWorkerEvent({ tag: PROTOCOL_TAG, type: 'error', error: {} })).toBe(true);
    expect(isWorkerEvent({ tag: PROTOCOL_TAG, type: 'token' })).toBe(false);
    expect(isReply({ tag: PROTOCOL_TAG, ok: false, error: {} })).toBe(true);
    expect(isReply({ tag: PROTOCOL_TAG })).toBe(false);
  });
});
