import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/PlainSummaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{core,adapters,conformance-suites,property-suites,load-tests,profiles,registry,reports,lambdas,infra,cli,fault-proxy,scripts}/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'cdk.out/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Each e2e file starts its own chain(s); two cores, so at most two files at a time,
          // and only after the unit project (vitest needs distinct group orders for distinct worker limits).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
