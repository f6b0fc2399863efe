import { describe, expect, it } from 'vitest';
import { idealTokenRequests } from './idealTokenRequests';

describe('the ideal number of token requests in a soak round', () => {
  it('is one token for a device whose calls end before three quarters of its life', () => {
    expect(
      idealTokenRequests({
        devices: 1,
        activeSeconds: 4.4,
        lifetimeSeconds: 6,
        faultedRequests: 0,
      }),
    ).toBe(1);
  });

  it('adds a renewal each time three quarters of a token life pass while calls keep coming', () => {
    expect(
      idealTokenRequests({
        devices: 1,
        activeSeconds: 4.5,
        lifetimeSeconds: 6,
        faultedRequests: 0,
      }),
    ).toBe(2);
    expect(
      idealTokenRequests({ devices: 1, activeSeconds: 30, lifetimeSeconds: 6, faultedRequests: 0 }),
    ).toBe(7);
  });

  it('counts each device apart, and one more request for each request a fault answered', () => {
    expect(
      idealTokenRequests({ devices: 2, activeSeconds: 30, lifetimeSeconds: 6, faultedRequests: 3 }),
    ).toBe(17);
  });

  it('asks nothing of a round that made no calls', () => {
    expect(
      idealTokenRequests({ devices: 0, activeSeconds: 0, lifetimeSeconds: 6, faultedRequests: 0 }),
    ).toBe(0);
  });
});
