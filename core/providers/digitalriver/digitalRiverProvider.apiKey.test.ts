import { describe, expect, it } from 'vitest';
import type { DigitalRiverConfig } from '../../config/WorkerConfig.js';
import type { StoredSession } from '../../session/tokenStore.js';
import { digitalRiverTestConfig } from '../../testDoubles.fixtures.js';
import {
  type AskPage,
  digitalRiverProvider,
  type SessionTokenAsk,
} from './digitalRiverProvider.js';
import { recordingFetch } from './recordingFetch.fixtures.js';
import { tokenAnswer } from './tokenAnswer.fixtures.js';

const config: DigitalRiverConfig = { ...digitalRiverTestConfig, tokenVia: 'api-key' };
const BASIC = `Basic ${btoa('pub-key:')}`;
// What SessionToken with the key answers, as Digital River's guide shows it.
const handedOut = tokenAnswer('acc1', 'ref1');
const previous: StoredSession = {
  token: 'acc1',
  refreshToken: 'ref1',
  deviceId: 'sess-1',
  expiresAt: 0,
  issuedAt: 0,
  deviceCreated: true,
};

/** A page that answers SessionToken with `answer`, and records what it was asked to run. */
function page(answer: unknown = handedOut) {
  const asked: SessionTokenAsk[] = [];
  const askPage: AskPage = async (ask) => {
    asked.push(ask);
    return answer;
  };
  return { asked, askPage };
}

describe('digitalRiverProvider with tokenVia api-key', () => {
  it('a first visit runs SessionToken with the key and uses its token: no oauth20/token call', async () => {
    const { fetchFn, requests } = recordingFetch({});
    const { asked, askPage } = page();
    const grant = await digitalRiverProvider(config, askPage, 1000).acquire({ fetch: fetchFn });
    expect(asked).toEqual([{ apiKey: 'pub-key' }]);
    expect(requests).toEqual([]);
    expect(grant).toEqual({
      token: 'acc1',
      refreshToken: 'ref1',
      expiresInSeconds: 86397,
      deviceId: expect.any(String),
      deviceCreated: true,
    });
  });

  it('the default, oauth, asks the page for SessionToken without the key', async () => {
    const { fetchFn } = recordingFetch({ token: handedOut });
    const { asked, askPage } = page({ session_token: 'S1' });
    await digitalRiverProvider(digitalRiverTestConfig, askPage, 1000).acquire({ fetch: fetchFn });
    expect(asked).toEqual([{}]);
  });

  it('renews with the refresh token, identified with the key, on the same shopper session', async () => {
    const { fetchFn, requests } = recordingFetch({ ...handedOut, access_token: 'acc2' });
    const { asked, askPage } = page();
    const provider = digitalRiverProvider(config, askPage, 1000);
    expect(provider.canRenew(previous, 0)).toBe(true);
    const grant = await provider.acquire({ fetch: fetchFn, previous });
    expect(grant).toMatchObject({ token: 'acc2', deviceId: 'sess-1', deviceCreated: false });
    expect(grant.sessionToken).toBeUndefined();
    expect(requests).toEqual([
      expect.objectContaining({
        url: 'https://api.example/oauth20/token',
        body: 'grant_type=refresh_token&refresh_token=ref1&format=json',
        authorization: BASIC,
      }),
    ]);
    expect(asked).toEqual([]);
  });

  it('a refused refresh says TokenExpired at once: no session token to exchange, the page runs SessionToken', async () => {
    const refused = new Response('{"error":"invalid_token"}', { status: 401 });
    const { fetchFn, requests } = recordingFetch(refused);
    const attempt = digitalRiverProvider(config, page().askPage, 1000).acquire({
      fetch: fetchFn,
      previous,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'TokenExpired' });
    expect(requests).toHaveLength(1);
  });

  it('a token handed out without a refresh token cannot be renewed: the next one comes from a page', () => {
    const { refreshToken: _, ...withoutRefresh } = previous;
    expect(digitalRiverProvider(config, page().askPage, 1000).canRenew(withoutRefresh, 0)).toBe(
      false,
    );
  });

  it.each([
    [
      'a wrong key',
      { errors: { error: [{ code: 'invalid_client', description: 'Invalid API key' }] } },
      'InvalidApiKey',
    ],
    ['a session token in place of the token', { session_token: 'S1' }, 'SessionTokenFailed'],
    ['a token that is not bearer', { ...handedOut, token_type: 'mac' }, 'SessionTokenFailed'],
  ])('refuses %s without calling oauth20/token', async (_, answer, code) => {
    const { fetchFn, requests } = recordingFetch({ token: handedOut });
    const attempt = digitalRiverProvider(config, page(answer).askPage, 1000).acquire({
      fetch: fetchFn,
    });
    await expect(attempt).rejects.toMatchObject({ code });
    expect(requests).toEqual([]);
  });
});
