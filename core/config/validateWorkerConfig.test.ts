import { describe, expect, it } from 'vitest';
import { fieldNames, OPTION_NAMES } from './fieldNames.js';
import type { FieldNames } from './RawWorkerConfig.js';
import { validateApiOrigin, validateWorkerConfig } from './validateWorkerConfig.js';
import { decodeWorkerConfig, encodeWorkerConfig } from './workerConfigSearch.js';

const names: FieldNames = fieldNames(
  (key) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
);

describe('validateApiOrigin', () => {
  it.each([
    ['https://api.firmly.work', 'https://api.firmly.work'],
    ['https://API.Firmly.Work/', 'https://api.firmly.work'],
    ['https://api.firmly.work:443', 'https://api.firmly.work'],
    ['http://localhost:8788', 'http://localhost:8788'],
    ['http://127.0.0.1:9', 'http://127.0.0.1:9'],
  ])('accepts %s as %s', (value, origin) => {
    expect(validateApiOrigin(value, 'data-api-origin')).toBe(origin);
  });

  it.each([
    ['not a url', 'is not a URL'],
    ['http://api.firmly.work', 'must use https:'],
    ['ftp://api.firmly.work', 'must use https:'],
    ['https://api.firmly.work/api', 'bare origins'],
    ['https://user@api.firmly.work', 'bare origins'],
    ['https://api.firmly.work?x=1', 'bare origins'],
    ['https://api.firmly.work#x', 'bare origins'],
    ['https://*.firmly.work', 'must be exact'],
  ])('refuses %s, naming the attribute', (value, why) => {
    expect(() => validateApiOrigin(value, 'data-api-origin')).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining(why) }),
    );
    expect(() => validateApiOrigin(value, 'data-api-origin')).toThrow(/data-api-origin/);
  });
});

describe('validateWorkerConfig', () => {
  it('applies the defaults', () => {
    expect(validateWorkerConfig({ provider: 'firmly', appId: 'app-1' }, names)).toEqual({
      provider: 'firmly',
      appId: 'app-1',
      apiOrigin: 'https://api.firmly.work',
      apiOrigins: ['https://api.firmly.work'],
      renewMarginSeconds: 300,
      debug: false,
    });
  });

  it.each([
    [{ appId: 'a' }, 'data-provider'],
    [{ provider: 'stripe', appId: 'a' }, 'data-provider'],
    [{ provider: 'firmly' }, 'data-app-id'],
    [{ provider: 'firmly', appId: '' }, 'data-app-id'],
    [{ provider: 'firmly', appId: 'has space' }, 'data-app-id'],
    [{ provider: 'firmly', appId: 'a\nb' }, 'data-app-id'],
    [{ provider: 'firmly', appId: 'a', renewMarginSeconds: 'soon' }, 'data-renew-margin-seconds'],
    [{ provider: 'firmly', appId: 'a', renewMarginSeconds: '-1' }, 'data-renew-margin-seconds'],
    [{ provider: 'firmly', appId: 'a', renewMarginSeconds: '' }, 'data-renew-margin-seconds'],
    [{ provider: 'firmly', appId: 'a', debug: 'yes' }, 'data-debug'],
  ])('refuses %j with ConfigInvalid naming %s', (raw, field) => {
    expect(() => validateWorkerConfig(raw, names)).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining(field) }),
    );
  });

  it('configures Digital River with its defaults, and an optional API key', () => {
    expect(validateWorkerConfig({ provider: 'digitalriver', siteId: 'site1' }, names)).toEqual({
      provider: 'digitalriver',
      siteId: 'site1',
      tokenVia: 'oauth',
      storeOrigin: 'https://store.digitalriver.com',
      apiOrigin: 'https://api.digitalriver.com',
      apiOrigins: ['https://api.digitalriver.com'],
      renewMarginSeconds: 300,
      debug: false,
    });
    const withKey = validateWorkerConfig(
      { provider: 'digitalriver', siteId: 's', apiKey: 'k1' },
      names,
    );
    expect(withKey).toMatchObject({ apiKey: 'k1' });
    const fromWorkerUrl = decodeWorkerConfig(`?${encodeWorkerConfig(withKey)}`);
    expect(validateWorkerConfig(fromWorkerUrl, OPTION_NAMES)).toEqual(withKey);
  });

  it('takes the one-call variant, tokenVia api-key, which the worker URL carries', () => {
    const raw = { provider: 'digitalriver', siteId: 's', apiKey: 'k1', tokenVia: 'api-key' };
    const config = validateWorkerConfig(raw, names);
    expect(config).toMatchObject({ tokenVia: 'api-key', apiKey: 'k1' });
    const search = encodeWorkerConfig(config);
    expect(new URLSearchParams(search).get('tokenVia')).toBe('api-key');
    expect(validateWorkerConfig(decodeWorkerConfig(`?${search}`), OPTION_NAMES)).toEqual(config);
    expect(validateWorkerConfig({ ...raw, tokenVia: 'oauth' }, names)).toMatchObject({
      tokenVia: 'oauth',
    });
  });

  it('leaves data-token-via to Digital River: a Firmly configuration neither reads nor keeps it', () => {
    const firmly = validateWorkerConfig(
      { provider: 'firmly', appId: 'a', tokenVia: 'anything' },
      names,
    );
    expect(firmly).not.toHaveProperty('tokenVia');
  });

  it.each([
    ['a value it does not know', { apiKey: 'k', tokenVia: 'oauth2' }],
    ['the key’s name', { apiKey: 'k', tokenVia: 'apiKey' }],
    ['another spelling', { apiKey: 'k', tokenVia: 'api_key' }],
    ['capitals', { apiKey: 'k', tokenVia: 'API-KEY' }],
    ['an empty value', { apiKey: 'k', tokenVia: '' }],
    ['api-key without a key', { tokenVia: 'api-key' }],
  ])('refuses data-token-via with %s, naming it, its values and data-api-key', (_, extra) => {
    const raw = { provider: 'digitalriver', siteId: 's', ...extra };
    expect(() => validateWorkerConfig(raw, names)).toThrow(
      expect.objectContaining({
        code: 'ConfigInvalid',
        message: expect.stringContaining(
          'data-token-via must be oauth, or api-key with data-api-key set',
        ),
      }),
    );
    expect(() => validateWorkerConfig(raw, OPTION_NAMES)).toThrow(
      /tokenVia must be oauth, or api-key with apiKey set/,
    );
  });

  it.each([
    [{ provider: 'digitalriver' }, 'data-site-id'],
    [{ provider: 'digitalriver', siteId: 's', apiKey: '' }, 'data-api-key'],
    [
      { provider: 'digitalriver', siteId: 's', storeOrigin: 'http://store.example' },
      'data-store-origin',
    ],
    [
      {
        provider: 'digitalriver',
        siteId: 's',
        storeOrigin: 'https://x.example',
        apiOrigin: 'https://x.example',
      },
      'data-store-origin must differ from the API origins',
    ],
  ])('refuses Digital River %j naming %s', (raw, field) => {
    expect(() => validateWorkerConfig(raw, names)).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining(field) }),
    );
  });

  it('lists several exact origins, the API the token comes from first', () => {
    const config = validateWorkerConfig(
      {
        provider: 'firmly',
        appId: 'a',
        apiOrigins:
          ' https://API.firmly.work  https://cc.firmly.work:443\nhttps://api.firmly.work ',
      },
      names,
    );
    expect(config.apiOrigin).toBe('https://api.firmly.work');
    expect(config.apiOrigins).toEqual(['https://api.firmly.work', 'https://cc.firmly.work']);
    const fromList = validateWorkerConfig(
      { provider: 'firmly', appId: 'a', apiOrigins: ['http://127.0.0.1:1', 'http://[::1]:1'] },
      names,
    );
    expect(fromList.apiOrigins).toEqual(['http://127.0.0.1:1', 'http://[::1]:1']);
  });

  it.each([
    [{ apiOrigins: '' }, 'data-api-origins must list origins'],
    [{ apiOrigins: [] }, 'data-api-origins must list origins'],
    [{ apiOrigins: 'https://api.firmly.work' + ' https://api.firmly.work/x' }, 'data-api-origins'],
    [{ apiOrigins: 'https://api.firmly.work https://*.firmly.work' }, 'data-api-origins'],
    [{ apiOrigins: 'https://api.firmly.work,https://cc.firmly.work' }, 'data-api-origins'],
    [{ apiOrigins: 'https://api.firmly.work http://cc.firmly.work' }, 'data-api-origins'],
    [
      { apiOrigins: 'https://cc.firmly.work', apiOrigin: 'https://api.firmly.work' },
      'without data-api-origin',
    ],
  ])('refuses the origin list %j naming %s', (extra, field) => {
    expect(() => validateWorkerConfig({ provider: 'firmly', appId: 'a', ...extra }, names)).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining(field) }),
    );
  });

  it('refuses a Digital River store that is any of the API origins', () => {
    expect(() =>
      validateWorkerConfig(
        {
          provider: 'digitalriver',
          siteId: 's',
          storeOrigin: 'https://store.example',
          apiOrigins: 'https://api.example https://store.example',
        },
        names,
      ),
    ).toThrow(/data-store-origin must differ from the API origins/);
  });

  it('reads a bare data-debug attribute as on', () => {
    expect(validateWorkerConfig({ provider: 'firmly', appId: 'a', debug: '' }, names).debug).toBe(
      true,
    );
    expect(
      validateWorkerConfig({ provider: 'firmly', appId: 'a', debug: 'false' }, names).debug,
    ).toBe(false);
  });
});
