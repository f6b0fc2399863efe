import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'client/**/*.test.ts',
      'sw/**/*.test.ts',
      'demo/**/*.test.ts',
      'testing/**/*.test.ts',
      'bin/**/*.test.ts',
      'bench/**/*.test.ts',
      'e2e/setup/**/*.test.ts',
      'examples/readme/*.test.ts',
      'examples/own-worker/*.test.ts',
    ],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
