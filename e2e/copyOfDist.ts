import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distDir } from './fixtures.js';

/**
 * Copies the built library's scripts into a fresh temporary folder, so a test can serve a
 * variant of `dist/` (a moved clock, a new worker version) without touching the build.
 *
 * @param prefix - the temporary folder's name prefix, telling which variant it holds
 * @param edit - rewrites one script's source on the way; by default each is copied unchanged
 * @returns the folder; the caller removes it
 */
export function copyOfDist(
  prefix: string,
  edit: (file: string, source: string) => string = (_, source) => source,
): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const file of readdirSync(distDir)) {
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(path.join(distDir, file), 'utf8');
    writeFileSync(path.join(dir, file), edit(file, source));
  }
  return dir;
}
