import type { ControlTable } from '../http/answerControl.js';
import { sharedControls } from '../http/sharedControls.js';
import type { FirmlyEmulator } from './firmlyEmulator.js';
import type { EmulatorFault } from './firmlyFaults.js';

/**
 * The Firmly emulator's test controls over HTTP (`/__emulator/*`), one for each control a Node
 * test calls directly, so a browser test can steer the emulator the same way. The controls check
 * their own arguments; a malformed body is the caller's 400.
 *
 * @param emulator - the running emulator's controls
 * @returns the routes
 */
export function firmlyControls(emulator: Omit<FirmlyEmulator, 'origin' | 'close'>): ControlTable {
  return {
    ...sharedControls<EmulatorFault>(emulator, (seconds) => emulator.setTokenLifetime(seconds)),
    'POST /__emulator/renew-window': (body) =>
      emulator.setRenewWindow((body as { seconds?: number }).seconds as number),
    'POST /__emulator/revoke': (body) => {
      const deviceId = (body as { device_id?: unknown }).device_id;
      if (typeof deviceId !== 'string' || deviceId === '') {
        throw new TypeError('device_id must be a non-empty string');
      }
      emulator.revokeDevice(deviceId);
    },
  };
}
