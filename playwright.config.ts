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
  // Never retried: a test that passes only on a second try is a failing test (fix the race instead).
  retries: 0,
  failOnFlakyTests: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off' },
});
