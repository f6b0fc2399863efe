// The size budget, run by `npm test` after the build: fails when a bundle grows past it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { file: 'dist/sw-token-interceptor.js', name: 'drop-in', gzipped: 4 * 1024 },
  { file: 'dist/sw-token-interceptor.sw.js', name: 'worker', gzipped: 10 * 1024 },
  // Loaded only where no worker serves the page, and for Digital River's page steps: about 6.2 KB.
  { file: 'dist/sw-token-interceptor.fallback.js', name: 'fallback chunk', gzipped: 7 * 1024 },
];

let over = 0;
for (const { file, name, gzipped } of BUDGETS) {
  const bytes = readFileSync(file);
  const size = gzipSync(bytes, { level: 9 }).length;
  const ok = size <= gzipped;
  if (!ok) over++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: ${size} B gzipped (budget ${gzipped} B), ${bytes.length} B minified`,
  );
}
if (over > 0) {
  console.error(`${over} bundle(s) over the size budget`);
  process.exit(1);
}
