import { startPerTest } from '../startPerTest.fixtures.js';
import { startDigitalRiverEmulator } from './digitalRiverEmulator.js';

/** Starts a Digital River emulator for one test and closes it when the test finishes. */
export const startDigitalRiver = startPerTest(startDigitalRiverEmulator);
