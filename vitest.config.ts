import { defineConfig } from 'vitest/config';

// Unit, integration, crash and fault tests in plain Node. End-to-end specs belong to Playwright (test/e2e).
//
// Two groups, one after the other. Most files are independent and run two at a time (one per core). The files
// listed in ALONE measure or race real time (kills at crash points, injected faults with timeouts, pacing,
// rate windows, idle sign-out) or saturate a core on their own; they run one at a time once the first group is done,
// so a neighbour's load never decides whether they pass.
const ALONE = [
  'test/crash/**/*.test.ts',
  'test/sync/faults.test.ts',
  'test/security/tamper.test.ts',
  'test/sales/pacing.test.ts',
  'test/sales/recovery.test.ts',
  'test/providers/transport.test.ts',
  'test/providers/rate-limiter.test.ts',
  'test/providers/sandbox-control.test.ts',
  'test/providers/sandbox-limits.test.ts',
  'test/auth/session.test.ts',
];

const shared = {
  environment: 'node',
  pool: 'forks',
  // Generous: a slow or busy CI machine must not turn a correct test into a timeout.
  testTimeout: 60_000,
  hookTimeout: 60_000,
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'side-by-side',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/electron/**', 'node_modules/**', ...ALONE],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'alone',
          include: ALONE,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
