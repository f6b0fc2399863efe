import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_NAMES } from '../config/attributeNames.js';
import { validateInstallOptions } from '../config/validateInstallOptions.js';
import { routesReachWorker } from './routesReachWorker.js';

const page = new URL('https://shop.example/products/mug');
const configured = (raw: Record<string, string>) =>
  validateInstallOptions({ provider: 'firmly', appId: 'app-1', ...raw }, ATTRIBUTE_NAMES, page);
const worker = (scriptURL: string) => ({ scriptURL }) as ServiceWorker;

describe('routesReachWorker', () => {
  const options = configured({ apiOrigin: 'https://api.shop.example' });

  it('a page loaded uncontrolled (first visit, Shift-reload) has no rules to fear', () => {
    expect(routesReachWorker(undefined, options)).toBe(true);
    expect(routesReachWorker(null, options)).toBe(true);
  });

  it('a page loaded under our worker for the same API origin is covered, whatever else changed', () => {
    const before = configured({ apiOrigin: 'https://api.shop.example', appId: 'app-0' });
    expect(routesReachWorker(worker(before.scriptURL), options)).toBe(true);
  });

  it('a page loaded under our worker for another API origin is not: its calls would skip the new worker', () => {
    const before = configured({ apiOrigin: 'https://api.firmly.work' });
    expect(routesReachWorker(worker(before.scriptURL), options)).toBe(false);
  });

  it('a storefront that adds its payment host: a page loaded under the one-origin rules is not covered, one loaded under both is', () => {
    const both = configured({ apiOrigins: 'https://api.shop.example https://cc.shop.example' });
    expect(routesReachWorker(worker(options.scriptURL), both)).toBe(false);
    expect(routesReachWorker(worker(both.scriptURL), both)).toBe(true);
    expect(routesReachWorker(worker(both.scriptURL), options)).toBe(true);
  });

  it('a page loaded under a worker that is not ours cannot know its rules, so is not covered', () => {
    expect(routesReachWorker(worker('https://shop.example/sw.js'), options)).toBe(false);
    const elsewhere = options.scriptURL.replace('/sw-token-interceptor.sw.js', '/old/sw.js');
    expect(routesReachWorker(worker(elsewhere), options)).toBe(false);
  });
});
