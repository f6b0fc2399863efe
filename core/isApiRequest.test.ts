import { describe, expect, it } from 'vitest';
import { isApiRequest } from './isApiRequest.js';

const api = 'https://api.firmly.work';

describe('isApiRequest', () => {
  it.each([
    'https://api.firmly.work/api/v2/domains/x/cart',
    'https://API.FIRMLY.WORK/api',
    'https://api.firmly.work:443/api',
  ])('gives the token to %s', (url) => {
    expect(isApiRequest({ url, mode: 'cors' }, api)).toBe(true);
  });

  it.each([
    'https://api.firmly.work.evil.com/api',
    'https://api.firmly.work@evil.com/api',
    'https://evil.com/https://api.firmly.work/api',
    'https://evil.com/?u=https://api.firmly.work',
    'http://api.firmly.work/api',
    'https://api.firmly.work:8443/api',
    'https://cc.firmly.work/api',
    'not a url',
  ])('never gives the token to %s', (url) => {
    expect(isApiRequest({ url, mode: 'cors' }, api)).toBe(false);
  });

  it('leaves navigations and no-cors requests alone', () => {
    expect(isApiRequest({ url: `${api}/x`, mode: 'navigate' }, api)).toBe(false);
    expect(isApiRequest({ url: `${api}/x`, mode: 'no-cors' }, api)).toBe(false);
  });

  it('accepts a parsed URL', () => {
    expect(isApiRequest({ url: new URL(`${api}/x`), mode: 'same-origin' }, api)).toBe(true);
  });
});
