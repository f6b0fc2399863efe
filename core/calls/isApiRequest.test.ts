import { describe, expect, it } from 'vitest';
import { isApiRequest } from './isApiRequest.js';

const api = 'https://api.firmly.work';
const only = [api];

describe('isApiRequest', () => {
  it.each([
    'https://api.firmly.work/api/v2/domains/x/cart',
    'https://API.FIRMLY.WORK/api',
    'https://api.firmly.work:443/api',
  ])('gives the token to %s', (url) => {
    expect(isApiRequest({ url, mode: 'cors' }, only)).toBe(true);
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
    expect(isApiRequest({ url, mode: 'cors' }, only)).toBe(false);
  });

  it('leaves navigations and no-cors requests alone', () => {
    expect(isApiRequest({ url: `${api}/x`, mode: 'navigate' }, only)).toBe(false);
    expect(isApiRequest({ url: `${api}/x`, mode: 'no-cors' }, only)).toBe(false);
  });

  it('gives it to each listed origin, and to nothing derived from them', () => {
    const origins = [api, 'https://cc.firmly.work'];
    const verdict = (url: string) => isApiRequest({ url, mode: 'cors' }, origins);
    expect(verdict('https://cc.firmly.work/api/v1/payment/domains/d/complete-order')).toBe(true);
    expect(verdict(`${api}/api/v1/domains/d/cart`)).toBe(true);
    expect(verdict('https://www.firmly.work/api')).toBe(false);
    expect(verdict('https://cc.firmly.work.evil.com/api')).toBe(false);
    expect(verdict('https://cc.api.firmly.work/api')).toBe(false);
  });

  it('gives it to nothing when no origin is listed', () => {
    expect(isApiRequest({ url: `${api}/x`, mode: 'cors' }, [])).toBe(false);
  });

  it('accepts a parsed URL', () => {
    expect(isApiRequest({ url: new URL(`${api}/x`), mode: 'same-origin' }, only)).toBe(true);
  });
});
