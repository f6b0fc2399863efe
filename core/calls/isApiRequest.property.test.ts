import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isApiRequest } from './isApiRequest.js';

// A fixed seed: the same few thousand cases on every run, so a failure is reproducible.
const RUNS = { seed: 20261129, numRuns: 3000 };
const API = 'https://api.firmly.work';
const ONLY = [API];

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const otherHost = fc
  .array(label, { minLength: 1, maxLength: 3 })
  .map((labels) => `${labels.join('.')}.example`);
const path = fc.webPath();
const mixedCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flips) => [...text].map((c, i) => (flips[i] ? c.toUpperCase() : c)).join(''));

/** URLs built to look like ours, none of which is our origin. */
const hostile = fc.oneof(
  // Hosts that extend ours.
  fc.tuple(otherHost, path).map(([host, p]) => `https://api.firmly.work.${host}${p}`),
  fc.tuple(label, path).map(([l, p]) => `https://${l}api.firmly.work${p}`),
  fc.tuple(label, path).map(([l, p]) => `https://${l}.api.firmly.work${p}`),
  // Userinfo that reads like our host.
  fc.tuple(otherHost, path).map(([host, p]) => `https://api.firmly.work@${host}${p}`),
  fc.tuple(otherHost, path).map(([host, p]) => `https://api.firmly.work:443@${host}${p}`),
  // Our URL inside the path or query of another host.
  fc.tuple(otherHost, path).map(([host, p]) => `https://${host}/${API}${p}`),
  fc.tuple(otherHost, path).map(([host, p]) => `https://${host}${p}?next=${API}/api`),
  fc.tuple(otherHost, path).map(([host, p]) => `https://${host}${p}#${API}`),
  // Lookalike IDN and punycode hosts (a Cyrillic "а", a Greek "ρ").
  path.map((p) => `https://аpi.firmly.work${p}`),
  path.map((p) => `https://aρi.firmly.work${p}`),
  path.map((p) => `https://xn--pi-7ld.firmly.work${p}`),
  // Other ports, a trailing dot, plain http.
  fc
    .tuple(
      fc.integer({ min: 1, max: 65535 }).filter((port) => port !== 443),
      path,
    )
    .map(([port, p]) => `https://api.firmly.work:${port}${p}`),
  path.map((p) => `https://api.firmly.work.${p}`),
  fc
    .tuple(fc.constantFrom('', ':80', ':443'), path)
    .map(([port, p]) => `http://api.firmly.work${port}${p}`),
  // Mixed case on other hosts.
  fc.tuple(otherHost.chain(mixedCase), path).map(([host, p]) => `https://${host}${p}`),
);

describe('origin matching (property-based)', () => {
  it('never gives the token to a hostile URL', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom<RequestMode>('cors', 'same-origin'), (url, mode) => {
        expect(isApiRequest({ url, mode }, ONLY)).toBe(false);
      }),
      RUNS,
    );
  });

  it('gives it to our own origin whatever the case of the host or an explicit default port', () => {
    fc.assert(
      fc.property(
        mixedCase('api.firmly.work'),
        fc.constantFrom('', ':443'),
        path,
        (host, port, p) => {
          expect(isApiRequest({ url: `https://${host}${port}${p}`, mode: 'cors' }, ONLY)).toBe(
            true,
          );
        },
      ),
      RUNS,
    );
  });

  it('agrees with an exact comparison of parsed origins on any URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(isApiRequest({ url, mode: 'cors' }, ONLY)).toBe(new URL(url).origin === API);
      }),
      RUNS,
    );
  });

  /** Exact origins a storefront might list: https anywhere, http on loopback, any port. */
  const listedOrigin = fc.oneof(
    fc
      .tuple(otherHost, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
      .map(([host, port]) => new URL(`https://${host}${port ? `:${port}` : ''}`).origin),
    fc
      .tuple(fc.constantFrom('127.0.0.1', 'localhost', '[::1]'), fc.integer({ min: 1, max: 65535 }))
      .map(([host, port]) => new URL(`http://${host}:${port}`).origin),
  );
  const anyUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });

  it('with several origins listed, gives 0 tokens to any origin not listed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(listedOrigin, { minLength: 0, maxLength: 4 }),
        fc.oneof(
          anyUrl,
          hostile,
          listedOrigin.chain((o) => path.map((p) => `${o}${p}`)),
        ),
        fc.constantFrom<RequestMode>('cors', 'same-origin'),
        (origins, url, mode) => {
          const listed = URL.canParse(url) && origins.includes(new URL(url).origin);
          expect(isApiRequest({ url, mode }, origins)).toBe(listed);
        },
      ),
      RUNS,
    );
  });

  it('gives the token to every listed origin, on any path', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(listedOrigin, { minLength: 1, maxLength: 4 })
          .chain((origins) => fc.tuple(fc.constant(origins), fc.constantFrom(...origins), path)),
        ([origins, origin, p]) => {
          expect(isApiRequest({ url: `${origin}${p}`, mode: 'cors' }, origins)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("never lets a hostile URL through when Firmly's API and payment hosts are both listed", () => {
    fc.assert(
      fc.property(hostile, (url) => {
        expect(isApiRequest({ url, mode: 'cors' }, [API, 'https://cc.firmly.work'])).toBe(false);
      }),
      RUNS,
    );
  });
});
