import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from './fieldNames.js';
import { validateWorkerConfig } from './validateWorkerConfig.js';
import type { WorkerConfig } from './WorkerConfig.js';
import { decodeWorkerConfig, encodeWorkerConfig } from './workerConfigSearch.js';

/** What the worker reads back from the script URL the page registered. */
const throughWorkerUrl = (config: WorkerConfig) =>
  validateWorkerConfig(decodeWorkerConfig(`?${encodeWorkerConfig(config)}`), OPTION_NAMES);

describe('the worker URL format', () => {
  it('writes one origin as the apiOrigins list, which the worker reads back', () => {
    const config = validateWorkerConfig({ provider: 'firmly', appId: 'a' }, OPTION_NAMES);
    expect(encodeWorkerConfig(config)).toBe(
      'provider=firmly&appId=a&apiOrigins=https%3A%2F%2Fapi.firmly.work&renewMarginSeconds=300&debug=false',
    );
    expect(throughWorkerUrl(config)).toEqual(config);
  });

  it('round-trips several origins through the worker URL', () => {
    const config = validateWorkerConfig(
      {
        provider: 'digitalriver',
        siteId: 's',
        storeOrigin: 'http://localhost:3',
        apiOrigins: ['http://127.0.0.1:1', 'http://127.0.0.1:2'],
      },
      OPTION_NAMES,
    );
    const search = encodeWorkerConfig(config);
    expect(new URLSearchParams(search).get('apiOrigin')).toBeNull();
    expect(decodeWorkerConfig(search).apiOrigins).toBe('http://127.0.0.1:1 http://127.0.0.1:2');
    expect(throughWorkerUrl(config)).toEqual(config);
  });

  it('round-trips through the worker URL', () => {
    const config = validateWorkerConfig(
      {
        provider: 'firmly',
        appId: 'app&x=1',
        apiOrigin: 'http://127.0.0.1:1234',
        renewMarginSeconds: '60',
      },
      OPTION_NAMES,
    );
    expect(throughWorkerUrl(config)).toEqual(config);
  });

  it('refuses a worker URL without configuration', () => {
    expect(decodeWorkerConfig('')).toMatchObject({ provider: null, apiOrigins: null });
    expect(() => validateWorkerConfig(decodeWorkerConfig(''), OPTION_NAMES)).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid' }),
    );
  });
});
