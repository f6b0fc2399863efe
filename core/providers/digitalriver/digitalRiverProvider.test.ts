import { describe, expect, it } from 'vitest';
import type { StoredSession } from '../../session/tokenStore.js';
import { digitalRiverTestConfig } from '../../testDoubles.fixtures.js';
import { digitalRiverProvider } from './digitalRiverProvider.js';
import { recordingFetch } from './recordingFetch.fixtures.js';
import { tokenAnswer } from './tokenAnswer.fixtures.js';

const config = digitalRiverTestConfig;
const BASIC = `Basic ${btoa('pub-key:')}`;

const flat = tokenAnswer('acc2', 'ref2');
const refused = (code: string, status = 401) =>
  new Response(JSON.stringify({ errors: { error: [{ code, description: 'Session expired' }] } }), {
    status,
  });
const previous: StoredSession = {
  token: 'acc1',
  refreshToken: 'ref1',
  sessionToken: 'S1',
  deviceId: 'sess-1',
  expiresAt: 0,
  issuedAt: 0,
  deviceCreated: true,
};
const pageNeverAsked = () => {
  const asked = { count: 0 };
  const askPage = async () => {
    asked.count++;
    return {};
  };
  return { asked, askPage };
};

describe('digitalRiverProvider', () => {
  it('exchanges the page’s session token, identifying the client with the API key as Basic user', async () => {
    const { fetchFn, requests } = recordingFetch({ token: flat });
    const provider = digitalRiverProvider(config, async () => ({ session_token: 'S1' }), 1000);
    const grant = await provider.acquire({ fetch: fetchFn });
    expect(grant).toMatchObject({
      token: 'acc2',
      refreshToken: 'ref2',
      sessionToken: 'S1',
      expiresInSeconds: 86397,
      deviceCreated: true,
    });
    expect(requests).toEqual([
      {
        url: 'https://api.example/oauth20/token',
        body: 'grant_type=password&dr_session_token=S1&format=json',
        contentType: 'application/x-www-form-urlencoded',
        authorization: BASIC,
      },
    ]);
  });

  it('still takes a token SessionToken hands out directly', async () => {
    const { fetchFn, requests } = recordingFetch({});
    const provider = digitalRiverProvider(config, async () => flat, 1000);
    expect(await provider.acquire({ fetch: fetchFn })).toMatchObject({
      token: 'acc2',
      deviceCreated: true,
    });
    expect(requests).toEqual([]);
  });

  it('refreshes with the refresh token, identified, keeping the session, without asking the page', async () => {
    const { fetchFn, requests } = recordingFetch(flat);
    const { asked, askPage } = pageNeverAsked();
    const provider = digitalRiverProvider(config, askPage, 1000);
    expect(provider.canRenew(previous, 0)).toBe(true);
    const grant = await provider.acquire({ fetch: fetchFn, previous });
    expect(grant).toMatchObject({
      token: 'acc2',
      refreshToken: 'ref2',
      sessionToken: 'S1',
      deviceId: 'sess-1',
      deviceCreated: false,
    });
    expect(requests).toEqual([
      expect.objectContaining({
        body: 'grant_type=refresh_token&refresh_token=ref1&format=json',
        authorization: BASIC,
      }),
    ]);
    expect(asked.count).toBe(0);
  });

  it('when the refresh is refused, re-exchanges the stored session token before asking the page', async () => {
    const { fetchFn, requests } = recordingFetch(refused('invalid_token'), { token: flat });
    const { asked, askPage } = pageNeverAsked();
    const grant = await digitalRiverProvider(config, askPage, 1000).acquire({
      fetch: fetchFn,
      previous,
    });
    expect(grant).toMatchObject({ token: 'acc2', deviceId: 'sess-1', deviceCreated: false });
    expect(requests.map((r) => r.body)).toEqual([
      'grant_type=refresh_token&refresh_token=ref1&format=json',
      'grant_type=password&dr_session_token=S1&format=json',
    ]);
    expect(requests.every((r) => r.authorization === BASIC)).toBe(true);
    expect(asked.count).toBe(0);
  });

  it('with no refresh token (the API sent none), re-exchanges the session token straight away', async () => {
    const { fetchFn, requests } = recordingFetch({
      token: { ...flat, refresh_token: undefined },
    });
    const { refreshToken: _, ...withoutRefresh } = previous;
    const provider = digitalRiverProvider(config, pageNeverAsked().askPage, 1000);
    expect(provider.canRenew(withoutRefresh, 0)).toBe(true);
    const grant = await provider.acquire({ fetch: fetchFn, previous: withoutRefresh });
    expect(grant).toMatchObject({ token: 'acc2', sessionToken: 'S1', deviceId: 'sess-1' });
    expect(grant.refreshToken).toBeUndefined();
    expect(requests.map((r) => r.body)).toEqual([
      'grant_type=password&dr_session_token=S1&format=json',
    ]);
  });

  it.each([
    [
      'when both are refused, says TokenExpired so the page runs SessionToken again',
      () => [refused('invalid_token'), refused('invalid_token')],
      'TokenExpired',
      2,
    ],
    [
      'does not re-exchange after a refresh that failed for another reason than a refusal',
      () => [new Response('down', { status: 503 })],
      'TokenUnavailable',
      1,
    ],
  ])('%s', async (_, answers, code, asked) => {
    const { fetchFn, requests } = recordingFetch(...answers());
    const attempt = digitalRiverProvider(config, pageNeverAsked().askPage, 1000).acquire({
      fetch: fetchFn,
      previous,
    });
    await expect(attempt).rejects.toMatchObject({ code });
    expect(requests).toHaveLength(asked);
  });

  it('reports invalid_client as InvalidApiKey, naming data-api-key when none is set', async () => {
    const invalidClient = () =>
      new Response('{"error":"invalid_client","error_description":"Bad client"}', {
        status: 401,
      });
    const { apiKey: _, ...noKey } = config;
    const withoutKey = recordingFetch(invalidClient());
    await expect(
      digitalRiverProvider(noKey, async () => ({ session_token: 'S1' }), 1000).acquire({
        fetch: withoutKey.fetchFn,
      }),
    ).rejects.toMatchObject({
      code: 'InvalidApiKey',
      message: expect.stringContaining('set data-api-key'),
    });
    expect(withoutKey.requests[0]?.authorization).toBeNull();
    const withKey = recordingFetch(invalidClient());
    await expect(
      digitalRiverProvider(config, async () => ({}), 1000).acquire({
        fetch: withKey.fetchFn,
        previous,
      }),
    ).rejects.toMatchObject({ code: 'InvalidApiKey' });
    expect(withKey.requests).toHaveLength(1);
  });

  it('cannot renew a session with neither a refresh token nor a session token', () => {
    const provider = digitalRiverProvider(config, async () => ({}), 1000);
    expect(
      provider.canRenew(
        { token: 't', deviceId: 'd', expiresAt: 0, issuedAt: 0, deviceCreated: true },
        0,
      ),
    ).toBe(false);
  });

  it('sends the token as a bearer Authorization header', () => {
    const headers = new Headers();
    digitalRiverProvider(config, async () => ({}), 1000).authorize(headers, 'acc');
    expect(headers.get('authorization')).toBe('bearer acc');
  });
});
