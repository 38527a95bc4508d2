import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs drive the real renderer in Debian's Chromium against the browser host (real core, real
 * SQLite, sandbox providers), each test with a fresh data folder (test/e2e/fixtures.ts). Electron specs live in
 * test/electron and run as their own project where an Electron binary exists.
 */
const chromiumPath = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  // One retry in CI only: two workers on a 2-core runner make a few timing-bound specs (the line going down, the
  // 600 ms guard) flaky under load; a spec that fails twice fails the run, and the report lists every retried one.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'artifacts/test-reports/e2e.json' }]],
  projects: [
    {
      name: 'chromium',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1366, height: 768 },
        // A click on a control that never comes fails at that step, naming it, not as the whole test's timeout.
        actionTimeout: 15_000,
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
