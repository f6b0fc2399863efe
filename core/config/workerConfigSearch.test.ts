import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from './fieldNames.js';
import type { RawWorkerConfig } from './RawWorkerConfig.js';
import { validateWorkerConfig } from './validateWorkerConfig.js';
import type { WorkerConfig } from './WorkerConfig.js';
import { decodeWorkerConfig, encodeWorkerConfig } from './workerConfigSearch.js';

/** A configuration the page validated, from its options. */
const validated = (options: RawWorkerConfig) => validateWorkerConfig(options, OPTION_NAMES);

/** What the worker reads back from the script URL the page registered. */
const throughWorkerUrl = (config: WorkerConfig) =>
  validated(decodeWorkerConfig(`?${encodeWorkerConfig(config)}`));

/** A Digital River configuration with two API origins. */
const SEVERAL_ORIGINS: RawWorkerConfig = {
  provider: 'digitalriver',
  siteId: 's',
  storeOrigin: 'http://localhost:3',
  apiOrigins: ['http://127.0.0.1:1', 'http://127.0.0.1:2'],
};

describe('the worker URL format', () => {
  it('writes one origin as the apiOrigins list, which the worker reads back', () => {
    const config = validated({ provider: 'firmly', appId: 'a' });
    expect(encodeWorkerConfig(config)).toBe(
      'provider=firmly&appId=a&apiOrigins=https%3A%2F%2Fapi.firmly.work&renewMarginSeconds=300&debug=false',
    );
    expect(throughWorkerUrl(config)).toEqual(config);
  });

  it.each<[string, RawWorkerConfig]>([
    ['several origins', SEVERAL_ORIGINS],
    [
      'an app id with URL syntax, an origin and a margin',
      {
        provider: 'firmly',
        appId: 'app&x=1',
        apiOrigin: 'http://127.0.0.1:1234',
        renewMarginSeconds: '60',
      },
    ],
  ])('round-trips %s through the worker URL', (_, options) => {
    const config = validated(options);
    expect(throughWorkerUrl(config)).toEqual(config);
  });

  it('writes several origins as one space-separated apiOrigins, not apiOrigin', () => {
    const search = encodeWorkerConfig(validated(SEVERAL_ORIGINS));
    expect(new URLSearchParams(search).get('apiOrigin')).toBeNull();
    expect(decodeWorkerConfig(search).apiOrigins).toBe('http://127.0.0.1:1 http://127.0.0.1:2');
  });

  it('refuses a worker URL without configuration', () => {
    expect(decodeWorkerConfig('')).toMatchObject({ provider: null, apiOrigins: null });
    expect(() => validated(decodeWorkerConfig(''))).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid' }),
    );
  });
});
