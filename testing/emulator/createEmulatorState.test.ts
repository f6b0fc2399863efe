import { describe, expect, it } from 'vitest';
import { startDigitalRiver } from './digitalRiver/startDigitalRiver.fixtures.js';
import { startFirmly } from './firmly/startFirmly.fixtures.js';

describe('the controls both emulators share', () => {
  it.each([
    ['Firmly', 'a misspelt fault kind', startFirmly, { endpoint: 'cart', kind: 'status502' }],
    [
      'Digital River',
      'a fault for an endpoint it does not have',
      startDigitalRiver,
      { endpoint: 'browser-session', kind: 'status429' },
    ],
  ])('%s rejects %s instead of silently injecting nothing', async (_, __, start, fault) => {
    const emulator = await start();
    const typo = { ...fault, times: 1 } as never;
    expect(() => emulator.injectFault(typo)).toThrow(TypeError);
  });
});
