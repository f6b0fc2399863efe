import { startPerTest } from '../startPerTest.fixtures.js';
import { startFirmlyEmulator } from './firmlyEmulator.js';

/**
 * Starts a Firmly emulator for one test and closes it when the test finishes. A test file that
 * mocks `jose` with `oneKeyPair.fixtures.ts` gets emulators that share one RSA key pair.
 */
export const startFirmly = startPerTest(startFirmlyEmulator);
