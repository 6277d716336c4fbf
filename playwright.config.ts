import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the built extension (.output/chrome-mv3) in Debian's Chromium. One worker: each
 * Chromium with the extension takes ~450 MB and these machines have 2 cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off' },
});
