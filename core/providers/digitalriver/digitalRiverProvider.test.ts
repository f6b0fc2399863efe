import { describe, expect, it } from 'vitest';
import type { DigitalRiverConfig } from '../../WorkerConfig.js';
import { digitalRiverProvider } from './digitalRiverProvider.js';

const config: DigitalRiverConfig = {
  provider: 'digitalriver',
  siteId: 'site',
  storeOrigin: 'https://store.example',
  apiOrigin: 'https://api.example',
  apiOrigins: ['https://api.example'],
  renewMarginSeconds: 300,
  debug: false,
};

function recordingFetch(answer: unknown) {
  const requests: { url: string; body: string; contentType: string | null }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      body: await request.text(),
      contentType: request.headers.get('content-type'),
    });
    return Response.json(answer);
  }) as typeof fetch;
  return { fetchFn, requests };
}

const flat = {
  access_token: 'acc2',
  token_type: 'bearer',
  expires_in: '86397',
  refresh_token: 'ref2',
};

describe('digitalRiverProvider', () => {
  it('exchanges the page’s session token with the password grant, form-encoded', async () => {
    const { fetchFn, requests } = recordingFetch({ token: flat });
    const provider = digitalRiverProvider(config, async () => ({ session_token: 'S1' }), 1000);
    const grant = await provider.acquire({ fetch: fetchFn });
    expect(grant).toMatchObject({
      token: 'acc2',
      refreshToken: 'ref2',
      expiresInSeconds: 86397,
      deviceCreated: true,
    });
    expect(requests).toEqual([
      {
        url: 'https://api.example/oauth20/token',
        body: 'grant_type=password&dr_session_token=S1&format=json',
        contentType: 'application/x-www-form-urlencoded',
      },
    ]);
  });

  it('takes the token straight from SessionToken when it has an API key', async () => {
    const { fetchFn, requests } = recordingFetch({});
    const provider = digitalRiverProvider({ ...config, apiKey: 'k' }, async () => flat, 1000);
    expect(await provider.acquire({ fetch: fetchFn })).toMatchObject({
      token: 'acc2',
      deviceCreated: true,
    });
    expect(requests).toEqual([]);
  });

  it('refreshes with the refresh token, keeping the session id, without asking the page', async () => {
    const { fetchFn, requests } = recordingFetch(flat);
    let asked = 0;
    const provider = digitalRiverProvider(
      config,
      async () => {
        asked++;
        return {};
      },
      1000,
    );
    const previous = {
      token: 'acc1',
      refreshToken: 'ref1',
      deviceId: 'sess-1',
      expiresAt: 0,
      deviceCreated: true,
    };
    expect(provider.canRenew(previous, 0)).toBe(true);
    const grant = await provider.acquire({ fetch: fetchFn, previous });
    expect(grant).toMatchObject({
      token: 'acc2',
      refreshToken: 'ref2',
      deviceId: 'sess-1',
      deviceCreated: false,
    });
    expect(requests[0]?.body).toBe('grant_type=refresh_token&refresh_token=ref1&format=json');
    expect(asked).toBe(0);
  });

  it('cannot renew a session without a refresh token', () => {
    const provider = digitalRiverProvider(config, async () => ({}), 1000);
    expect(
      provider.canRenew({ token: 't', deviceId: 'd', expiresAt: 0, deviceCreated: true }, 0),
    ).toBe(false);
  });

  it('sends the token as a bearer Authorization header', () => {
    const headers = new Headers();
    digitalRiverProvider(config, async () => ({}), 1000).authorize(headers, 'acc');
    expect(headers.get('authorization')).toBe('bearer acc');
  });
});
