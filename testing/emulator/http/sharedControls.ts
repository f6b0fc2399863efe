import type { EmulatorCors } from '../cors/EmulatorCors.js';
import type { EmulatorRedirect } from '../redirects/EmulatorRedirect.js';
import type { ControlTable } from './answerControl.js';

/** What every emulator lets its test controls reach. */
export interface ControlledEmulator<Fault> {
  readonly counters: unknown;
  readonly requestLog: unknown;
  reset(): void;
  injectFault(fault: Fault): void;
  redirect(redirect: EmulatorRedirect): void;
  setCors(cors: EmulatorCors): void;
}

/**
 * The test controls both emulators answer alike (`/__emulator/reset`, `counters`, `log`,
 * `token-lifetime`, `fault`, `redirect`, `cors`), so a browser test steers either the same way.
 *
 * @param emulator - the running emulator's controls
 * @param setTokenLifetime - sets the lifetime of the tokens it issues, in seconds; it checks the
 *   number, so a missing one is the caller's 400
 * @returns the routes
 */
export function sharedControls<Fault>(
  emulator: ControlledEmulator<Fault>,
  setTokenLifetime: (seconds: number) => void,
): ControlTable {
  return {
    'POST /__emulator/reset': () => emulator.reset(),
    'GET /__emulator/counters': () => emulator.counters,
    'GET /__emulator/log': () => emulator.requestLog,
    'POST /__emulator/token-lifetime': (body) =>
      setTokenLifetime((body as { seconds?: number }).seconds as number),
    'POST /__emulator/fault': (body) => emulator.injectFault(body as Fault),
    'POST /__emulator/redirect': (body) => emulator.redirect(body as EmulatorRedirect),
    'POST /__emulator/cors': (body) => emulator.setCors(body as EmulatorCors),
  };
}
