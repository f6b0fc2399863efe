// The size budget, run by `npm test` after the build: fails when a bundle grows past it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { file: 'dist/sw-token-interceptor.js', name: 'drop-in', gzipped: 4 * 1024 },
  // 11 KB: the redirect guard, rate-limit handling and single flight added about 1.3 KB.
  { file: 'dist/sw-token-interceptor.sw.js', name: 'worker', gzipped: 11 * 1024 },
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
