import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from '../testing/emulator/catalog.js';
import { listenOnLoopback } from '../testing/emulator/http/listenOnLoopback.js';

/** Where the Digital River shop's library tag points; each value lands in one `data-*` attribute. */
export interface DigitalRiverShopOptions {
  /** The Global Commerce site, written into `data-site-id`. */
  siteId: string;
  /** The store origin serving the `SessionToken` action, written into `data-store-origin`. */
  storeOrigin: string;
  /** The Shopper API origin, written into `data-api-origin`. */
  apiOrigin: string;
  /**
   * A public API key, written into `data-api-key`: the library identifies the client with it on
   * `oauth20/token`. Without one those calls go unidentified, and the API refuses them.
   */
  apiKey?: string;
}

/** How to serve the demo storefront. */
export interface StorefrontOptions {
  /**
   * Host name to bind and to use in the page's origin; `localhost` by default, so the page and an
   * API on `127.0.0.1` are different origins, as a real storefront and api.firmly.work are.
   */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The Firmly Cart API origin written into the Firmly shop's `data-api-origin`. */
  apiOrigin: string;
  /**
   * Several origins written into the Firmly shop's `data-api-origins` in place of
   * `data-api-origin`, `apiOrigin` first.
   */
  alsoApiOrigins?: readonly string[];
  /** The Firmly application id written into the Firmly shop's `data-app-id`. */
  appId: string;
  /** Absolute path of the built `dist/` folder that holds the library's scripts. */
  distDir: string;
  /**
   * Also serves the Digital River shop at `/digitalriver.html` (and its tag alone at
   * `/digitalriver-tag-only.html`), with a header link between the two shops.
   */
  digitalRiver?: DigitalRiverShopOptions;
  /**
   * More attributes for the script tag of every shop, for tests of other configurations. Keys are
   * written as given when they start with `data-`, otherwise camelCase becomes `data-kebab-case`.
   */
  extraTagAttributes?: Record<string, string>;
  /** More folders to serve files from (absolute paths), such as a test's own pages and workers. */
  extraStaticDirs?: string[];
  /**
   * `Cache-Control` for the drop-in and the on-demand chunk, `no-cache` by default (the demo is
   * rebuilt often). The bench serves them as a storefront would from a versioned URL,
   * `max-age=31536000, immutable`, to measure what that saves. The worker file is always
   * `no-cache`, as the README asks.
   */
  libraryCacheControl?: string;
}

/** A running storefront. */
export interface Storefront {
  /** Where the shop page lives, such as `http://localhost:41235`. */
  origin: string;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

const STATIC_DIR = fileURLToPath(new URL('./storefront/', import.meta.url));
// One template for both shops: they differ in their tag, their script and a few words.
const TEMPLATE = path.join(STATIC_DIR, 'index.html');
// Pages are only served rendered: raw, the template would show placeholders, and a shop that is
// not configured would seem to exist.
const TEMPLATE_PATHS = new Set(['/index.html', '/digitalriver.html']);

// Each tag's own attributes come from the options; a second copy would be ignored by the browser
// (the first attribute wins) and the test would silently check the wrong thing.
const FIRMLY_ATTRIBUTES = new Set([
  'data-provider',
  'data-app-id',
  'data-api-origin',
  'data-api-origins',
]);
const DIGITAL_RIVER_ATTRIBUTES = new Set([
  'data-provider',
  'data-site-id',
  'data-store-origin',
  'data-api-origin',
  'data-api-origins',
  'data-api-key',
]);
const DATA_ATTRIBUTE = /^data-[a-z0-9]+(-[a-z0-9]+)*$/;
// Extra attributes go at the end of this opening tag; the template stays plain, valid HTML.
const LIBRARY_TAG = /<script src="\/sw-token-interceptor\.js"[^>]*>/;
const LIBRARY_ELEMENT = /<script src="\/sw-token-interceptor\.js"[^>]*><\/script>/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const DIST_EXTENSIONS = new Set(['.js', '.map']);

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

function attributeName(key: string, reserved: ReadonlySet<string>): string {
  const name = key.startsWith('data-')
    ? key
    : `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  if (!DATA_ATTRIBUTE.test(name)) {
    throw new TypeError(`extraTagAttributes: ${key} is not a valid data-* attribute name`);
  }
  if (reserved.has(name)) {
    throw new TypeError(`extraTagAttributes: set ${name} through the storefront options instead`);
  }
  return name;
}

/** @returns the extra attributes as `[name, value]` pairs, checked against a tag's own */
function extraAttributes(options: StorefrontOptions, reserved: ReadonlySet<string>) {
  return Object.entries(options.extraTagAttributes ?? {}).map(
    ([key, value]) => [attributeName(key, reserved), value] as const,
  );
}

/**
 * Fills a shop template: `{{name}}` placeholders from `values` (already escaped, or markup we
 * built), and `attributes` appended to the library's script tag.
 *
 * @throws Error when the template lost its library tag or names a placeholder with no value
 */
function renderPage(
  template: string,
  file: string,
  values: Readonly<Record<string, string>>,
  attributes: readonly (readonly [string, string])[],
): string {
  if (!LIBRARY_TAG.test(template)) throw new Error(`${file} lost its library script tag`);
  const tail = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return (
    template
      // One pass, so a value that happens to contain "{{appId}}" is never expanded again.
      .replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`${file} has no value for {{${name}}}`);
        return value;
      })
      .replace(LIBRARY_TAG, (tag) => `${tag.slice(0, -1)}${tail}>`)
  );
}

/** @returns a page holding a shop's library tag and nothing else, which makes no calls of its own */
function tagOnlyPage(page: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tag only</title>${
    page.match(LIBRARY_ELEMENT)?.[0] ?? ''
  }</head><body></body></html>`;
}

function shopSwitch(href: string, label: string): string {
  return `<a class="shop-switch" href="${href}" data-testid="shop-switch">${label}</a>`;
}

/** @returns the rendered pages by path: the Firmly shop, and the Digital River shop if configured */
async function renderShops(options: StorefrontOptions): Promise<Map<string, string>> {
  const dr = options.digitalRiver;
  const template = await readFile(TEMPLATE, 'utf8');
  const tagAttributes = (attributes: Record<string, string>) =>
    Object.entries(attributes)
      .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
      .join(' ');
  const firmly = renderPage(
    template,
    TEMPLATE,
    {
      title: 'Luma Gift Shop',
      tagAttributes: tagAttributes({
        'data-provider': 'firmly',
        'data-app-id': options.appId,
        ...(options.alsoApiOrigins?.length
          ? { 'data-api-origins': [options.apiOrigin, ...options.alsoApiOrigins].join(' ') }
          : { 'data-api-origin': options.apiOrigin }),
      }),
      shopScript: '/shop.js',
      home: '/',
      sessionLabel: 'Device',
      emulatorName: 'Firmly Cart API',
      shopSwitch: dr ? shopSwitch('/digitalriver.html', 'Try the Digital River shop') : '',
    },
    extraAttributes(options, FIRMLY_ATTRIBUTES),
  );
  const pages = new Map([
    ['/', firmly],
    ['/index.html', firmly],
    ['/tag-only.html', tagOnlyPage(firmly)],
  ]);
  if (!dr) return pages;
  const digitalRiver = renderPage(
    template,
    TEMPLATE,
    {
      title: 'Luma Gift Shop · Digital River',
      tagAttributes: tagAttributes({
        'data-provider': 'digitalriver',
        'data-site-id': dr.siteId,
        'data-store-origin': dr.storeOrigin,
        'data-api-origin': dr.apiOrigin,
      }),
      shopScript: '/shop-dr.js',
      home: '/digitalriver.html',
      sessionLabel: 'Shopper',
      emulatorName: 'Digital River Global Commerce',
      shopSwitch: shopSwitch('/', 'Try the Firmly shop'),
    },
    [
      ...(dr.apiKey === undefined ? [] : [['data-api-key', dr.apiKey] as const]),
      ...extraAttributes(options, DIGITAL_RIVER_ATTRIBUTES),
    ],
  );
  pages.set('/digitalriver.html', digitalRiver);
  pages.set('/digitalriver-tag-only.html', tagOnlyPage(digitalRiver));
  return pages;
}

/**
 * Maps a URL path to a file strictly inside `root`, following symlinks before the check so
 * neither `..`, an encoded slash nor a link can lead outside.
 *
 * @returns the real file path, or `undefined` when the path escapes `root` or names no file
 */
async function fileInside(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  try {
    const realRoot = await realpath(root);
    const file = await realpath(path.join(realRoot, decoded));
    if (!file.startsWith(realRoot + path.sep)) return undefined;
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  cacheControl = 'no-cache',
): void {
  // A validator, as any static host sends one: a reload asks again and gets a bodiless 304 for
  // what did not change, and the browser reuses its copy (and, for scripts, its compiled code).
  const etag = status === 200 ? `"${createHash('sha1').update(body).digest('base64url')}"` : '';
  const unchanged = etag !== '' && req.headers['if-none-match'] === etag;
  res.writeHead(unchanged ? 304 : status, {
    ...(!unchanged && {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
    }),
    ...(etag && { ETag: etag }),
    // The demo is rebuilt often; a stale worker script would hide the change being tried.
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' || unchanged ? undefined : body);
}

/**
 * Serves the demo shop page with the library's script tag filled in, the library's built scripts
 * from `distDir`, the page's own assets, `/catalog.json`, and for tests an untagged `/blank.html` and a
 * `/tag-only.html` that holds the library's tag and nothing else. With `digitalRiver`, it serves the
 * Digital River shop as well, at `/digitalriver.html` and `/digitalriver-tag-only.html`.
 *
 * @param options - where to listen, and what to write into the script tags
 * @returns the running storefront, once it is listening
 * @throws TypeError for a relative `distDir` or a bad `extraTagAttributes` key
 * @example
 * const shop = await startStorefront({ apiOrigin: api.origin, appId: 'demo-app', distDir });
 * console.log(`Open ${shop.origin}`);
 */
export async function startStorefront(options: StorefrontOptions): Promise<Storefront> {
  if (!path.isAbsolute(options.distDir)) {
    throw new TypeError('distDir must be an absolute path');
  }
  const host = options.host ?? 'localhost';
  const pages = await renderShops(options);
  const catalogJson = JSON.stringify(catalog);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://storefront.invalid');
    const page = pages.get(pathname);
    if (page !== undefined) {
      send(req, res, 200, CONTENT_TYPES['.html'] ?? '', page);
      return;
    }
    if (pathname === '/catalog.json') {
      send(req, res, 200, CONTENT_TYPES['.json'] ?? '', catalogJson);
      return;
    }
    const extension = path.extname(pathname);
    const contentType = TEMPLATE_PATHS.has(pathname) ? undefined : CONTENT_TYPES[extension];
    const library = DIST_EXTENSIONS.has(extension)
      ? await fileInside(options.distDir, pathname)
      : undefined;
    let file = library;
    for (const dir of contentType ? [STATIC_DIR, ...(options.extraStaticDirs ?? [])] : []) {
      file ??= await fileInside(dir, pathname);
    }
    if (!file || !contentType) {
      send(req, res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    const cacheControl =
      library && !pathname.endsWith('.sw.js') ? options.libraryCacheControl : undefined;
    send(req, res, 200, contentType, await readFile(file), cacheControl);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else send(req, res, 500, 'text/plain; charset=utf-8', 'Internal server error');
    });
  });

  return listenOnLoopback(server, host, options.port ?? 0);
}
