/**
 * One test command for everything: unit tests beside the code, integration tests against a real server,
 * browser tests in Debian Chromium. TZ=UTC matches how the server runs (see server/src/main.ts).
 */
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

// CI asks for a JSON report too, to print one plain "N passed, N failed" line (see .ci/run).
const summaryFile = process.env.ESCALE_TEST_SUMMARY;

export default defineConfig({
  test: {
    reporters: summaryFile ? ['default', 'json'] : ['default'],
    ...(summaryFile ? { outputFile: { json: summaryFile } } : {}),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC' },
        },
      },
      // Every integration test runs twice: on the embedded SQLite, and on PostgreSQL (a fresh database per
      // test server, dropped after; tests/support/test-store.ts).
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC', ESCALE_TEST_STORE: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC', ESCALE_TEST_STORE: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC' },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
