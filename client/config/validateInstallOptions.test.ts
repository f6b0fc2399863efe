import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_NAMES } from './attributeNames.js';
import { validateInstallOptions } from './validateInstallOptions.js';

const names = ATTRIBUTE_NAMES;
const page = new URL('https://shop.example/products/mug?color=teal');

describe('validateInstallOptions', () => {
  it('puts the worker configuration in the worker URL, with the defaults', () => {
    const valid = validateInstallOptions({ provider: 'firmly', appId: 'app-1' }, names, page);
    expect(valid.scope).toBe('https://shop.example/');
    expect(valid.registerWorker).toBe(true);
    const url = new URL(valid.scriptURL);
    expect(url.pathname).toBe('/sw-token-interceptor.sw.js');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      provider: 'firmly',
      appId: 'app-1',
      apiOrigins: 'https://api.firmly.work',
      renewMarginSeconds: '300',
      debug: 'false',
    });
  });

  it('reads data-api-origins as space-separated exact origins', () => {
    const raw = {
      provider: 'firmly',
      appId: 'a',
      apiOrigins: 'https://api.firmly.work https://cc.firmly.work',
    };
    const valid = validateInstallOptions(raw, names, page);
    expect(valid.worker.apiOrigins).toEqual(['https://api.firmly.work', 'https://cc.firmly.work']);
    expect(new URL(valid.scriptURL).searchParams.get('apiOrigins')).toBe(
      'https://api.firmly.work https://cc.firmly.work',
    );
  });

  it('carries data-token-via to the worker URL, for Digital River', () => {
    const raw = {
      provider: 'digitalriver',
      siteId: 's',
      apiKey: 'k',
      tokenVia: 'api-key',
    };
    const valid = validateInstallOptions(raw, names, page);
    expect(valid.worker).toMatchObject({ tokenVia: 'api-key' });
    expect(new URL(valid.scriptURL).searchParams.get('tokenVia')).toBe('api-key');
    expect(() => validateInstallOptions({ ...raw, tokenVia: 'apikey' }, names, page)).toThrow(
      expect.objectContaining({
        code: 'ConfigInvalid',
        message: expect.stringContaining(
          'data-token-via must be oauth, or api-key with data-api-key set',
        ),
      }),
    );
  });

  it('accepts a worker hosted by the storefront', () => {
    const raw = { provider: 'firmly', appId: 'a', registerWorker: 'false' };
    expect(validateInstallOptions(raw, names, page).registerWorker).toBe(false);
  });

  it.each([
    [{ swUrl: 'https://cdn.example/sw.js' }, 'data-sw-url'],
    [{ swUrl: '/sw.js?x=1' }, 'data-sw-url'],
    [{ scope: '/checkout/' }, 'data-scope'],
    [{ scope: 'https://other.example/' }, 'data-scope'],
    [{ registerWorker: 'no' }, 'data-register-worker'],
  ])('refuses %j with ConfigInvalid naming %s', (extra, field) => {
    expect(() =>
      validateInstallOptions({ provider: 'firmly', appId: 'a', ...extra }, names, page),
    ).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining(field) }),
    );
  });
});
