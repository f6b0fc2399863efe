import type { ControlTable } from '../http/answerControl.js';
import { sharedControls } from '../http/sharedControls.js';
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
    ...sharedControls<DigitalRiverFault>(emulator, (seconds) =>
      emulator.setAccessTokenLifetime(seconds),
    ),
    'POST /__emulator/expire-access': () => emulator.expireAccessTokens(),
    'POST /__emulator/revoke-refresh': () => emulator.revokeRefreshTokens(),
    'POST /__emulator/revoke-session': () => emulator.revokeSessionTokens(),
  };
}
