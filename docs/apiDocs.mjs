// Generates the API reference (docs/api) from the TSDoc of each public entry point, with typedoc.
// `node docs/apiDocs.mjs` writes it; `--check` generates it apart and fails, naming the files,
// when the checked-in copy differs, so the reference can never go stale unnoticed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(root, 'docs/api');
const ENTRIES = [
  { out: 'page', name: 'sw-token-interceptor', tsconfig: 'client', entries: ['client/index.ts'] },
  { out: 'worker', name: 'sw-token-interceptor/sw', tsconfig: 'sw', entries: ['sw/index.ts'] },
  {
    out: 'testing',
    name: 'sw-token-interceptor/emulator and /playwright',
    tsconfig: 'testing',
    entries: ['testing/emulator.ts', 'testing/playwright.ts'],
  },
];

function generate(target) {
  for (const { out, name, tsconfig, entries } of ENTRIES) {
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/typedoc/bin/typedoc'),
        ...['--plugin', 'typedoc-plugin-markdown', '--readme', 'none', '--disableSources'],
        ...['--logLevel', 'Warn', '--tsconfig', `${tsconfig}/tsconfig.json`],
        ...['--out', path.join(target, out), '--name', name, '--entryPoints', ...entries],
      ],
      { cwd: root, stdio: 'inherit' },
    );
  }
}

/** @returns {Map<string, string>} every file under dir, by relative path */
function files(dir) {
  const found = new Map();
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    const full = path.join(dir, file);
    try {
      found.set(file, readFileSync(full, 'utf8'));
    } catch {
      // A folder.
    }
  }
  return found;
}

if (process.argv.includes('--check')) {
  const fresh = mkdtempSync(path.join(tmpdir(), 'swti-api-docs-'));
  try {
    generate(fresh);
    const want = files(fresh);
    const have = files(docs);
    const stale = [...new Set([...want.keys(), ...have.keys()])]
      .filter((file) => want.get(file) !== have.get(file))
      .sort();
    if (stale.length > 0) {
      console.error(`docs/api is stale (run npm run docs:api): ${stale.join(', ')}`);
      process.exitCode = 1;
    } else {
      console.log('docs/api is current');
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} else {
  rmSync(docs, { recursive: true, force: true });
  generate(docs);
}
