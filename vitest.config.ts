import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts?(x)', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
  },
});
