import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTRIBUTE_NAMES } from '../../client/config/attributeNames.js';
import { validateInstallOptions } from '../../client/config/validateInstallOptions.js';
import { OPTION_NAMES } from '../../core/config/fieldNames.js';
import { validateWorkerConfig } from '../../core/config/validateWorkerConfig.js';
import { catalog } from '../../testing/emulator/catalog.js';
import { startFirmlyEmulator } from '../../testing/emulator/firmly/firmlyEmulator.js';

// Every README code block a reader would paste is one of these files, included verbatim after a
// `<!-- example: examples/readme/… -->` line. This suite keeps the two in step and runs what it
// can; typetests/ type-checks the TypeScript ones against the built package.
const root = path.resolve(import.meta.dirname, '..', '..');
const here = import.meta.dirname;
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const PASTED = new Set(['ts', 'tsx', 'js', 'html']);
const read = (name: string) => readFileSync(path.join(here, name), 'utf8');

interface Block {
  lang: string;
  code: string;
  example: string | undefined;
  line: number;
}

function blocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\w*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const marker = /^<!-- example: examples\/readme\/(\S+) -->$/.exec(lines[i - 1] ?? '');
    found.push({
      lang: open[1] ?? '',
      code: lines.slice(i + 1, end).join('\n'),
      example: marker?.[1],
      line: i + 1,
    });
    i = end;
  }
  return found;
}

/** The `data-*` attributes on the library's tag, as the drop-in would read them. */
function tagAttributes(markup: string): Record<string, string> {
  const tag = /<script\s+src="\/sw-token-interceptor\.js"[^>]*>/i.exec(markup)?.[0];
  if (!tag) throw new Error('no library tag');
  const byAttribute = new Map(Object.entries(ATTRIBUTE_NAMES).map(([key, name]) => [name, key]));
  const raw: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/(data-[a-z-]+)="([^"]*)"/g)) {
    const key = byAttribute.get(name ?? '');
    if (!key) throw new Error(`${name} is no attribute of ours`);
    raw[key] = value ?? '';
  }
  return raw;
}

describe('the README', () => {
  const all = blocks(readme);
  const pasted = all.filter((block) => PASTED.has(block.lang));

  it('includes every code block a user would paste from a file under examples/readme', () => {
    const loose = pasted.filter((block) => !block.example).map((block) => block.line);
    expect(loose, 'README lines of blocks without an example file').toEqual([]);
  });

  it.each(pasted.filter((block) => block.example))('shows $example exactly', (block) => {
    expect(block.code).toBe(read(block.example ?? '').trimEnd());
  });

  it('uses every example file', () => {
    const used = new Set(pasted.map((block) => block.example));
    const files = readdirSync(here).filter((file) => !file.endsWith('.test.ts'));
    expect(files.filter((file) => !used.has(file))).toEqual([]);
  });
});

describe('the README examples', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    'plainHtml.html',
    'multipleOrigins.html',
    'digitalRiver.html',
    'digitalRiverApiKey.html',
    'ownWorkerTag.html',
    'nextLayout.tsx',
  ])('%s configures the tag validly', (file) => {
    const markup = read(file).replace('<Script ', '<script ');
    const page = new URL('https://shop.example/');
    expect(() =>
      validateInstallOptions(tagAttributes(markup), ATTRIBUTE_NAMES, page),
    ).not.toThrow();
  });

  it('the classic worker configures the interceptor validly and imports our worker', () => {
    const imported: string[] = [];
    const self: { swTokenInterceptorConfig?: unknown } = {};
    runInNewContext(read('classicWorker.js'), {
      self,
      importScripts: (url: string) => imported.push(url),
    });
    expect(imported).toEqual(['/sw-token-interceptor.sw.js']);
    expect(() =>
      validateWorkerConfig(self.swTokenInterceptorConfig as object, OPTION_NAMES),
    ).not.toThrow();
  });

  it('the add-to-cart call adds a real catalog item against the emulator', async () => {
    expect(read('addToCart.ts')).toContain(`variant_id: '${catalog[0]?.id}'`);
    const emulator = await startFirmlyEmulator({ appIds: ['YOUR_APPLICATION_ID'] });
    try {
      const session = await fetch(`${emulator.origin}/api/v1/browser-session`, {
        method: 'POST',
        headers: { 'x-firmly-app-id': 'YOUR_APPLICATION_ID' },
      });
      const { access_token: token } = (await session.json()) as { access_token: string };
      const realFetch = globalThis.fetch;
      // Plays the worker: the call goes to the emulator instead of api.firmly.work, with the token.
      vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
        const headers = new Headers(init.headers);
        headers.set('x-firmly-authorization', token);
        const url = input.replace('https://api.firmly.work', emulator.origin);
        return realFetch(url, { ...init, headers });
      });
      const logged: unknown[][] = [];
      vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
      await import('./addToCart.js');
      expect(logged).toEqual([[200, 1]]);
    } finally {
      vi.restoreAllMocks();
      await emulator.close();
    }
  });
});
