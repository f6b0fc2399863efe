import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from './emulator/catalog';

/** How to serve the demo storefront. */
export interface StorefrontOptions {
  /**
   * Host name to bind and to use in the page's origin; `localhost` by default, so the page and an
   * API on `127.0.0.1` are different origins, as a real storefront and api.firmly.work are.
   */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The Cart API origin written into the script tag's `data-api-origin`. */
  apiOrigin: string;
  /** The application id written into the script tag's `data-app-id`. */
  appId: string;
  /** Absolute path of the built `dist/` folder that holds the library's scripts. */
  distDir: string;
  /**
   * More attributes for the script tag, for tests of other configurations. Keys are written as
   * given when they start with `data-`, otherwise camelCase becomes `data-kebab-case`.
   */
  extraTagAttributes?: Record<string, string>;
  /** More folders to serve files from (absolute paths), such as a test's own pages and workers. */
  extraStaticDirs?: string[];
}

/** A running storefront. */
export interface Storefront {
  /** Where the shop page lives, such as `http://localhost:41235`. */
  origin: string;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

const STATIC_DIR = fileURLToPath(new URL('./storefront/', import.meta.url));
const TEMPLATE_FILE = path.join(STATIC_DIR, 'index.html');

// The tag's own attributes come from `appId` and `apiOrigin`; a second copy would be ignored by
// the browser (the first attribute wins) and the test would silently check the wrong thing.
const RESERVED_ATTRIBUTES = new Set(['data-provider', 'data-app-id', 'data-api-origin']);
const DATA_ATTRIBUTE = /^data-[a-z0-9]+(-[a-z0-9]+)*$/;
// Extra attributes go at the end of this opening tag; the template stays plain, valid HTML.
const LIBRARY_TAG = /<script src="\/sw-token-interceptor\.js"[^>]*>/;

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

function attributeName(key: string): string {
  const name = key.startsWith('data-')
    ? key
    : `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  if (!DATA_ATTRIBUTE.test(name)) {
    throw new TypeError(`extraTagAttributes: ${key} is not a valid data-* attribute name`);
  }
  if (RESERVED_ATTRIBUTES.has(name)) {
    throw new TypeError(`extraTagAttributes: set ${name} through appId or apiOrigin instead`);
  }
  return name;
}

function renderPage(template: string, options: StorefrontOptions): string {
  const extra = Object.entries(options.extraTagAttributes ?? {})
    .map(([key, value]) => ` ${attributeName(key)}="${escapeAttribute(value)}"`)
    .join('');
  const values: Record<string, string> = {
    appId: escapeAttribute(options.appId),
    apiOrigin: escapeAttribute(options.apiOrigin),
  };
  if (!LIBRARY_TAG.test(template)) throw new Error(`${TEMPLATE_FILE} lost its library script tag`);
  return (
    template
      // One pass, so a value that happens to contain "{{appId}}" is never expanded again.
      .replace(/\{\{(appId|apiOrigin)\}\}/g, (_, name: string) => values[name] ?? '')
      .replace(LIBRARY_TAG, (tag) => `${tag.slice(0, -1)}${extra}>`)
  );
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
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    // The demo is rebuilt often; a stale worker script would hide the change being tried.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves the demo shop page with the library's script tag filled in, the library's built scripts
 * from `distDir`, the page's own assets, `/catalog.json`, and for tests an untagged `/blank.html` and a
 * `/tag-only.html` that holds the library's tag and nothing else.
 *
 * @param options - where to listen, and what to write into the script tag
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
  const page = renderPage(await readFile(TEMPLATE_FILE, 'utf8'), options);
  const catalogJson = JSON.stringify(catalog);
  // The library's tag and nothing else: a page that makes no calls of its own, for tests.
  const tagOnly = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tag only</title>${
    page.match(/<script src="\/sw-token-interceptor\.js"[^>]*><\/script>/)?.[0] ?? ''
  }</head><body></body></html>`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://storefront.invalid');
    if (pathname === '/' || pathname === '/index.html') {
      send(req, res, 200, CONTENT_TYPES['.html'] ?? '', page);
      return;
    }
    if (pathname === '/tag-only.html') {
      send(req, res, 200, CONTENT_TYPES['.html'] ?? '', tagOnly);
      return;
    }
    if (pathname === '/catalog.json') {
      send(req, res, 200, CONTENT_TYPES['.json'] ?? '', catalogJson);
      return;
    }
    const extension = path.extname(pathname);
    const contentType = CONTENT_TYPES[extension];
    let file = DIST_EXTENSIONS.has(extension)
      ? await fileInside(options.distDir, pathname)
      : undefined;
    for (const dir of contentType ? [STATIC_DIR, ...(options.extraStaticDirs ?? [])] : []) {
      file ??= await fileInside(dir, pathname);
    }
    if (!file || !contentType) {
      send(req, res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    send(req, res, 200, contentType, await readFile(file));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else send(req, res, 500, 'text/plain; charset=utf-8', 'Internal server error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
