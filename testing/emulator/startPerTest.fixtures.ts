import { onTestFinished } from 'vitest';

/**
 * Wraps an emulator's start function for unit tests: every emulator it starts is closed when the
 * test that started it finishes, so a failing story cannot leave a listening port to the next one.
 * It registers nothing until a test starts an emulator, so a fixture module can export the result.
 */
export function startPerTest<Options, Emulator extends { close(): Promise<void> }>(
  startEmulator: (options: Options) => Promise<Emulator>,
): (options?: Options) => Promise<Emulator> {
  return async (options = {} as Options) => {
    const emulator = await startEmulator(options);
    onTestFinished(() => emulator.close());
    return emulator;
  };
}
