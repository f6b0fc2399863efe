import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isApiRequest } from '../../core/calls/isApiRequest.js';
import { isApiUrl } from './isApiUrl.js';

// A fixed seed: the same cases on every run, so a failure is reproducible.
const RUNS = { seed: 20261130, numRuns: 3000 };
const PAGE = 'https://shop.example/cart/';
const ORIGINS = ['https://api.firmly.work', 'https://cc.firmly.work'];

const path = fc.webPath();
const host = fc.constantFrom(
  'api.firmly.work',
  'API.Firmly.Work',
  'cc.firmly.work',
  'api.firmly.work.evil.example',
  'xapi.firmly.work',
  'api.firmly.work@evil.example',
  'api.firmly.work:443@evil.example',
  'shop.example',
);
/** What a page's code passes to `fetch` or `open`: absolute, look-alike, relative or junk. */
const pageUrl = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', '//'),
      host,
      fc.constantFrom('', ':443', ':8443'),
      path,
    )
    .map((parts) => parts.join('')),
  path,
  fc.webUrl(),
  fc.string(),
);

describe('the page and the worker agree on what is an API call (property-based)', () => {
  it('the page treats a URL as an API call exactly when the worker would give it the token', () => {
    fc.assert(
      fc.property(pageUrl, (url) => {
        let worker = false;
        try {
          worker = isApiRequest({ url: new URL(url, PAGE), mode: 'cors' }, ORIGINS);
        } catch {
          // Not a URL: neither side touches it.
        }
        expect(isApiUrl(url, PAGE, ORIGINS)).toBe(worker);
      }),
      RUNS,
    );
  });

  it('gives the token to a relative URL only when the page itself is on an API origin', () => {
    expect(isApiUrl('/api/v1/cart', PAGE, ORIGINS)).toBe(false);
    expect(isApiUrl('/api/v1/cart', 'https://api.firmly.work/page', ORIGINS)).toBe(true);
  });
});
