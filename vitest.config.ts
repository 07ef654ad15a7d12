import { defineConfig } from 'vitest/config';

/** e2e files that judge load verdicts (throughput, latency, capacity) and need the cores to themselves. */
const loadMeasuring = [
  'tests/e2e/load.test.ts',
  'tests/e2e/load-capacity.test.ts',
  'tests/e2e/implementations.test.ts',
  'tests/e2e/selftest.test.ts',
  'tests/e2e/cloudRun.test.ts',
  'tests/e2e/concurrentSteps.test.ts',
  'tests/e2e/cli-load-capacity.test.ts',
  'tests/e2e/load-ground-truth.test.ts',
  'tests/e2e/k6.test.ts',
];

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
          exclude: loadMeasuring,
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Each e2e file starts its own chain(s); two cores, so at most two files at a time,
          // and only after the unit project (vitest needs distinct group orders for distinct worker limits).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e-load',
          include: loadMeasuring,
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Files whose runs judge performance: the generator's rule on itself (load-tests/mergeShards.ts)
          // gives no verdict when it falls behind its schedule, which it does when another e2e file
          // shares the two cores. They run last, one at a time, as a measurement should.
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
