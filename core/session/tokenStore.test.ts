import { promisifyRequest } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from '../config/fieldNames.js';
import { validateWorkerConfig } from '../config/validateWorkerConfig.js';
import { createTokenStore, readSession, sessionKey, writeSession } from './tokenStore.js';

describe('sessionKey', () => {
  it('a storefront that adds its payment host keeps the shopper signed in to the same session', () => {
    const before = validateWorkerConfig({ provider: 'firmly', appId: 'shop' }, OPTION_NAMES);
    const after = validateWorkerConfig(
      {
        provider: 'firmly',
        appId: 'shop',
        apiOrigins: ['https://api.firmly.work', 'https://cc.firmly.work'],
      },
      OPTION_NAMES,
    );
    expect(sessionKey(after)).toBe(sessionKey(before));
    // The key sessions were stored under before lists existed.
    expect(sessionKey(before)).toBe('["firmly","shop","https://api.firmly.work"]');
  });

  it('two APIs on one site keep two sessions', () => {
    const one = validateWorkerConfig({ provider: 'firmly', appId: 'shop' }, OPTION_NAMES);
    const other = validateWorkerConfig(
      { provider: 'firmly', appId: 'shop', apiOrigin: 'https://api.staging.example' },
      OPTION_NAMES,
    );
    expect(sessionKey(other)).not.toBe(sessionKey(one));
  });
});

describe('readSession', () => {
  const session = {
    token: 't',
    deviceId: 'd',
    expiresAt: 2000,
    issuedAt: 1000,
    deviceCreated: true,
  };

  it('reads back what was written', async () => {
    const store = createTokenStore('token-store-round-trip', 'sessions');
    await writeSession('k', session, store);
    expect(await readSession('k', store)).toEqual(session);
  });

  it('reads a record of another shape, such as one without issuedAt, as none', async () => {
    const store = createTokenStore('token-store-other-shape', 'sessions');
    const { issuedAt: _, ...withoutIssuedAt } = session;
    await store('readwrite', (sessions) => {
      sessions.put(withoutIssuedAt, 'k');
      return promisifyRequest(sessions.transaction);
    });
    expect(await readSession('k', store)).toBeUndefined();
  });
});
