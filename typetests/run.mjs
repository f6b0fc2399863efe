// Type tests: tsc over the fixtures in this folder (and the README's examples), against the
// built declarations in dist/types, as a storefront's project sees them. Each project runs under
// TypeScript 5.9 (the repository's own) and the current major, installed apart in
// typetests/typescript-7/ because both packages name their binary `tsc`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const current = path.join(here, 'typescript-7');
const compilers = [
  { name: 'TypeScript 5.9', bin: path.join(root, 'node_modules/typescript/bin/tsc') },
  { name: 'TypeScript 7', bin: path.join(current, 'node_modules/typescript/bin/tsc') },
];
const projects = readdirSync(here)
  .filter((file) => /^tsconfig\..+\.json$/.test(file) && file !== 'tsconfig.base.json')
  .sort();

if (!existsSync(path.join(root, 'dist/types/client/index.d.ts'))) {
  console.error('typetests: run `npm run build` first; the tests read dist/types');
  process.exit(1);
}
if (!existsSync(compilers[1].bin)) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: current,
    stdio: 'inherit',
  });
}

let failed = 0;
for (const { name, bin } of compilers) {
  for (const project of projects) {
    try {
      execFileSync(process.execPath, [bin, '-p', path.join(here, project)], {
        cwd: here,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      console.log(`ok   ${name}  ${project}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}  ${project}\n${error.stdout}${error.stderr}`);
    }
  }
}
process.exitCode = failed > 0 ? 1 : 0;
