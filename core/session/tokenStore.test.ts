import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from '../config/fieldNames.js';
import { validateWorkerConfig } from '../config/validateWorkerConfig.js';
import { sessionKey } from './tokenStore.js';

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
