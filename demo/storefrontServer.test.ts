import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog } from '../testing/emulator/catalog.js';
import { type Storefront, type StorefrontOptions, startStorefront } from './storefrontServer.js';

let distDir: string;
let shop: Storefront | undefined;

beforeEach(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'storefront-dist-'));
  await writeFile(path.join(distDir, 'sw-token-interceptor.js'), 'window.dropIn = 1;');
  await writeFile(path.join(distDir, 'sw-token-interceptor.sw.js'), 'self.worker = 1;');
  await writeFile(path.join(distDir, 'chunk-ab12.js'), 'export {};');
  await writeFile(path.join(distDir, 'secret.txt'), 'not for the web');
});

afterEach(async () => {
  await shop?.close();
  shop = undefined;
  await rm(distDir, { recursive: true, force: true });
});

async function open(options: Partial<StorefrontOptions> = {}): Promise<Storefront> {
  shop = await startStorefront({
    host: '127.0.0.1',
    apiOrigin: 'http://127.0.0.1:8788',
    appId: 'demo-app',
    distDir,
    ...options,
  });
  return shop;
}

/** A raw request, because fetch() would normalise `..` out of the path before sending it. */
function rawGet(origin: string, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/`, { path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the storefront page', () => {
  it('carries the library tag filled in from the options, with values escaped', async () => {
    const { origin } = await open({
      appId: 'demo"app<x>',
      extraTagAttributes: { renewMarginSeconds: '60', 'data-debug': 'a&b' },
    });
    const html = await (await fetch(`${origin}/`)).text();

    expect(html).toContain(
      '<script src="/sw-token-interceptor.js" data-provider="firmly" data-app-id="demo&quot;app&lt;x&gt;" data-api-origin="http://127.0.0.1:8788" data-renew-margin-seconds="60" data-debug="a&amp;b"></script>',
    );
    expect(html).not.toContain('{{');
  });

  it('refuses extra attributes that would shadow the configured ones or break the tag', async () => {
    await expect(open({ extraTagAttributes: { appId: 'x' } })).rejects.toThrow(TypeError);
    await expect(open({ extraTagAttributes: { 'data-x" onload="y': 'x' } })).rejects.toThrow(
      TypeError,
    );
  });

  it('has a labelled, polite live timeline in the session panel', async () => {
    const { origin } = await open();
    const html = await (await fetch(`${origin}/`)).text();

    const timeline = html.match(/<ol\s[^>]*data-testid="timeline"[^>]*>/)?.[0] ?? '';
    expect(timeline).toContain('aria-live="polite"');
    expect(timeline).toContain('aria-labelledby="timeline-heading"');
    expect(html).toMatch(/<h3 [^>]*id="timeline-heading"[^>]*>Timeline<\/h3>/);
  });

  it('offers a blank page without the library, and the shared catalog', async () => {
    const { origin } = await open();
    const blank = await (await fetch(`${origin}/blank.html`)).text();
    expect(blank).not.toContain('sw-token-interceptor');
    expect(await (await fetch(`${origin}/catalog.json`)).json()).toEqual(catalog);
  });

  it("serves the page's own assets", async () => {
    const { origin } = await open();
    const css = await fetch(`${origin}/shop.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    for (const name of ['shop.js', 'shopPage.js', 'sessionPanel.js', 'notices.js', 'dom.js']) {
      const js = await fetch(`${origin}/${name}`);
      expect(js.headers.get('content-type'), name).toContain('text/javascript');
    }
  });
});

describe('the Digital River shop', () => {
  const digitalRiver = {
    siteId: 'demoSite',
    storeOrigin: 'http://127.0.0.1:8790',
    apiOrigin: 'http://127.0.0.1:8791',
  };

  it('carries the Digital River tag, without an API key unless one is given', async () => {
    const { origin } = await open({ digitalRiver });
    const html = await (await fetch(`${origin}/digitalriver.html`)).text();

    expect(html).toContain(
      '<script src="/sw-token-interceptor.js" data-provider="digitalriver" data-site-id="demoSite" data-store-origin="http://127.0.0.1:8790" data-api-origin="http://127.0.0.1:8791"></script>',
    );
    expect(html).toContain('<script type="module" src="/shop-dr.js"></script>');
    expect(html).toContain('href="/"');
    expect(html).not.toContain('data-api-key');
    expect(html).not.toContain('{{');
  });

  it('adds the API key and extra attributes after the configured ones, with values escaped', async () => {
    const { origin } = await open({
      digitalRiver: { ...digitalRiver, siteId: 'a"b<c>', apiKey: 'key&1' },
      extraTagAttributes: { renewMarginSeconds: '60' },
    });
    const html = await (await fetch(`${origin}/digitalriver.html`)).text();

    expect(html).toContain(
      '<script src="/sw-token-interceptor.js" data-provider="digitalriver" data-site-id="a&quot;b&lt;c&gt;" data-store-origin="http://127.0.0.1:8790" data-api-origin="http://127.0.0.1:8791" data-api-key="key&amp;1" data-renew-margin-seconds="60"></script>',
    );
  });

  it('refuses extra attributes that would shadow the Digital River tag', async () => {
    for (const key of ['siteId', 'storeOrigin', 'data-api-key']) {
      await expect(open({ digitalRiver, extraTagAttributes: { [key]: 'x' } })).rejects.toThrow(
        TypeError,
      );
    }
  });

  it('offers its tag alone, and links the two shops to each other', async () => {
    const { origin } = await open({ digitalRiver: { ...digitalRiver, apiKey: 'k' } });
    const tagOnly = await (await fetch(`${origin}/digitalriver-tag-only.html`)).text();
    expect(tagOnly).toMatch(
      /<head><meta charset="utf-8"><title>Tag only<\/title><script src="\/sw-token-interceptor\.js" data-provider="digitalriver"[^>]* data-api-key="k"><\/script><\/head><body><\/body>/,
    );
    expect(tagOnly).not.toContain('shop-dr.js');
    const firmly = await (await fetch(`${origin}/`)).text();
    expect(firmly).toContain('href="/digitalriver.html"');
  });

  it('is not served, nor linked, unless configured; its template never shows raw', async () => {
    const { origin } = await open();
    for (const page of ['/digitalriver.html', '/digitalriver-tag-only.html']) {
      expect((await fetch(`${origin}${page}`)).status, page).toBe(404);
    }
    expect(await (await fetch(`${origin}/`)).text()).not.toContain('digitalriver');
    expect((await fetch(`${origin}/shop-dr.js`)).status).toBe(200);
  });
});

describe('the library scripts', () => {
  it('come from dist as uncached JavaScript, chunks included', async () => {
    const { origin } = await open();
    for (const name of ['sw-token-interceptor.js', 'sw-token-interceptor.sw.js', 'chunk-ab12.js']) {
      const res = await fetch(`${origin}/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('can be served for long caching, all but the worker file', async () => {
    const { origin } = await open({ libraryCacheControl: 'max-age=31536000, immutable' });
    const cacheControl = async (name: string) =>
      (await fetch(`${origin}/${name}`)).headers.get('cache-control');
    expect(await cacheControl('sw-token-interceptor.js')).toBe('max-age=31536000, immutable');
    expect(await cacheControl('chunk-ab12.js')).toBe('max-age=31536000, immutable');
    expect(await cacheControl('sw-token-interceptor.sw.js')).toBe('no-cache');
    expect(await cacheControl('tag-only.html')).toBe('no-cache');
  });

  it('carry a validator: asked again unchanged, they are a bodiless 304; changed, the new file', async () => {
    const { origin } = await open();
    const url = `${origin}/sw-token-interceptor.js`;
    const etag = (await fetch(url)).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await writeFile(path.join(distDir, 'sw-token-interceptor.js'), 'window.dropIn = 2;');
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('window.dropIn = 2;');
  });

  it('never lets a path reach outside the served folders', async () => {
    const { origin } = await open();
    for (const attempt of [
      '/secret.txt',
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/storefrontServer.ts',
      '/..%5c..%5cpackage.json',
      '/%00.js',
    ]) {
      expect(await rawGet(origin, attempt), attempt).toBe(404);
    }
    expect((await fetch(`${origin}/shop.css`, { method: 'POST' })).status).toBe(405);
  });
});
