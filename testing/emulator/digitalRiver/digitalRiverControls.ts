import type { EmulatorCors } from '../cors/EmulatorCors.js';
import type { ControlTable } from '../http/answerControl.js';
import type { EmulatorRedirect } from '../redirects/EmulatorRedirect.js';
import type { DigitalRiverEmulator } from './digitalRiverEmulator.js';
import type { DigitalRiverFault } from './digitalRiverFaults.js';

/**
 * The Digital River emulator's test controls over HTTP (`/__emulator/*`, on the API origin), one
 * for each control a Node test calls directly, so a browser test can steer the emulator the same
 * way. The controls check their own arguments; a malformed body is the caller's 400.
 *
 * @param emulator - the running emulator's controls
 * @returns the routes
 */
export function digitalRiverControls(
  emulator: Omit<DigitalRiverEmulator, 'storeOrigin' | 'apiOrigin' | 'close'>,
): ControlTable {
  return {
    'POST /__emulator/reset': () => emulator.reset(),
    'GET /__emulator/counters': () => emulator.counters,
    'GET /__emulator/log': () => emulator.requestLog,
    'POST /__emulator/token-lifetime': (body) =>
      emulator.setAccessTokenLifetime((body as { seconds?: number }).seconds as number),
    'POST /__emulator/expire-access': () => emulator.expireAccessTokens(),
    'POST /__emulator/revoke-refresh': () => emulator.revokeRefreshTokens(),
    'POST /__emulator/revoke-session': () => emulator.revokeSessionTokens(),
    'POST /__emulator/fault': (body) => emulator.injectFault(body as DigitalRiverFault),
    'POST /__emulator/redirect': (body) => emulator.redirect(body as EmulatorRedirect),
    'POST /__emulator/cors': (body) => emulator.setCors(body as EmulatorCors),
  };
}
