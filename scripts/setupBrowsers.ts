/**
 * `npm test`'s first step: finds the browsers the suite uses and installs the missing ones.
 * `--dry-run` says what it would install and installs nothing.
 */
import { spawnSync } from 'node:child_process';
import { findBrowsers } from '../e2e/setup/findBrowsers.js';
import { setupBrowsers } from '../e2e/setup/setupBrowsers.js';
import { thisMachine } from '../e2e/setup/thisMachine.js';

const machine = thisMachine();
const result = setupBrowsers({
  find: () => findBrowsers(machine),
  machine,
  run(command) {
    const [file = '', ...args] = command;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    return spawnSync(file, args, { stdio: 'inherit', env }).status === 0;
  },
  log: (line) => console.log(`[setup] ${line}`),
  dryRun: process.argv.includes('--dry-run'),
});
if (result.stop) {
  console.error(`[setup] ${result.stop}`);
  process.exit(1);
}
