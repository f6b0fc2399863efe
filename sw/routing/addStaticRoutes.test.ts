import { afterEach, describe, expect, it, vi } from 'vitest';
import { addStaticRoutes, type StaticRoute, staticRoutes } from './addStaticRoutes.js';

const API = 'https://api.example.test';
const CHECKOUT = new URL('https://shop.example.test/sw-token-interceptor/checkout');

/** An install event of an engine with static routing, recording the rules it was given. */
function installEvent(addRoutes = async (_rules: readonly StaticRoute[]) => {}) {
  const added: (readonly StaticRoute[])[] = [];
  const event = {
    addRoutes: async (rules: readonly StaticRoute[]) => {
      added.push(rules);
      await addRoutes(rules);
    },
  } as unknown as ExtendableEvent;
  return { event, added };
}

class FakeUrlPattern {
  constructor(readonly init: { pathname: string }) {}
}

afterEach(() => vi.unstubAllGlobals());

describe('staticRoutes: the one ordered list of rules', () => {
  it('a Firmly worker: navigations race, then everything off the API origin goes to the network', () => {
    expect(staticRoutes({ apiOrigins: [API] })).toEqual([
      { condition: { requestMode: 'navigate' }, source: 'race-network-and-fetch-handler' },
      {
        condition: {
          not: { urlPattern: { protocol: 'https', hostname: 'api.example.test', port: '' } },
        },
        source: 'network',
      },
    ]);
  });

  it('the checkout hand-off comes first, before the navigation race that would answer it', () => {
    const rules = staticRoutes({ apiOrigins: [API], checkoutPattern: 'the pattern' });
    expect(rules.map((rule) => rule.source)).toEqual([
      'fetch-event',
      'race-network-and-fetch-handler',
      'network',
    ]);
    expect(rules[0]?.condition).toEqual({ urlPattern: 'the pattern' });
  });

  it('several API origins are one rule, and an IPv6 host is escaped for URLPattern', () => {
    const rules = staticRoutes({ apiOrigins: [API, 'http://[::1]:8080'] });
    expect(rules[1]?.condition).toEqual({
      not: {
        or: [
          { urlPattern: { protocol: 'https', hostname: 'api.example.test', port: '' } },
          { urlPattern: { protocol: 'http', hostname: '\\[\\:\\:1\\]', port: '8080' } },
        ],
      },
    });
  });
});

describe('addStaticRoutes', () => {
  it('an engine without static routing: nothing is added, and the fetch handler filters', async () => {
    expect(await addStaticRoutes({} as ExtendableEvent, [API])).toBe(false);
  });

  it('adds every rule in one call, so no partial order is left behind', async () => {
    vi.stubGlobal('URLPattern', FakeUrlPattern);
    const { event, added } = installEvent();
    expect(await addStaticRoutes(event, [API], CHECKOUT)).toBe(true);
    expect(added).toHaveLength(1);
    expect(added[0]?.[0]?.condition).toEqual({
      urlPattern: new FakeUrlPattern({ pathname: '/sw-token-interceptor/checkout' }),
    });
  });

  it('a checkout hand-off without URLPattern: no static routing, so the hand-off still reaches the worker', async () => {
    vi.stubGlobal('URLPattern', undefined);
    const { event, added } = installEvent();
    expect(await addStaticRoutes(event, [API], CHECKOUT)).toBe(false);
    expect(added).toEqual([]);
  });

  it('an engine that refuses the conditions: reported as unavailable, not thrown', async () => {
    const { event } = installEvent(async () => {
      throw new TypeError('unknown condition');
    });
    expect(await addStaticRoutes(event, [API])).toBe(false);
  });
});
