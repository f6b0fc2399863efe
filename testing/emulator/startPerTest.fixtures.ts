import { afterEach } from 'vitest';

/**
 * Wraps an emulator's start function for a unit-test file: every emulator it starts is closed after
 * the test that started it, so a failing story cannot leave a listening port to the next one.
 */
export function startPerTest<Options, Emulator extends { close(): Promise<void> }>(
  startEmulator: (options: Options) => Promise<Emulator>,
): (options?: Options) => Promise<Emulator> {
  const running: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {} as Options) => {
    const emulator = await startEmulator(options);
    running.push(emulator);
    return emulator;
  };
}
