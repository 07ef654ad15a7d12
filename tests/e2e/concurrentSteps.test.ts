import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { executePlan } from '#core/run/executePlan.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { registry } from '#registry/index.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';

/** The full profile with a small property budget (fixed seed) and a short load. */
const parameters = {
  propertyNumRuns: 2,
  propertyMaxCommands: 4,
  propertySeed: 20_261_124,
  loadRateTps: 20,
  loadDurationS: 2,
  loadDrainS: 4,
};

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore(inject('dynamoEndpoint'), 'concurrent-steps-e2e');
});
afterAll(async () => {
  await testStore?.close();
});

interface Evaluation {
  readonly report: Report;
  readonly incompleteReason: string | undefined;
  readonly progress: readonly string[];
}

/**
 * One run of the full jrt-0193-2020 profile against a clean embedded anvil, as the CLI runs it:
 * plan, prepare (fund every step's own accounts), execute the steps (in order, or all at once as the
 * state machine's Parallel state does), finalize.
 */
async function evaluate(concurrent: boolean): Promise<Evaluation> {
  const anvil = await startAnvil();
  try {
    const adapter = await createEvmAdapter({
      url: anvil.url,
      signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
      embedded: true,
    });
    const request = RunRequestSchema.parse({ runId: newRunId(), profile: 'jrt-0193-2020', parameters });
    const plan = planRun(request, registry, { maxConcurrentShards: 1 });
    const progress: string[] = [];
    const deps = {
      adapter,
      store: testStore.store,
      registry,
      progress: (line: string) => progress.push(line),
    };
    await prepareRun(plan, deps);
    const incompleteReason = await executePlan(plan, deps, { concurrent });
    const report = await finalizeRun(plan.runId, {
      store: testStore.store,
      registry,
      ...(incompleteReason === undefined ? {} : { incompleteReason }),
    });
    return { report, incompleteReason, progress };
  } finally {
    await anvil.stop();
  }
}

const statuses = (report: Report) => Object.fromEntries(report.results.map((r) => [r.checkId, r.status]));
const clauseVerdicts = (report: Report) =>
  Object.fromEntries(report.clauses.map((c) => [c.clauseId, c.verdict]));

describe('steps of one plan run at once (issue 5: the cloud Parallel state) on a clean anvil', () => {
  it('give the same verdict for every check and clause as the same plan run step by step', async () => {
    const sequential = await evaluate(false);
    const concurrent = await evaluate(true);

    for (const run of [sequential, concurrent]) {
      expect(run.incompleteReason).toBeUndefined();
      expect(run.report.run.status).toBe('complete');
      expect(run.report.run.plannedSteps).toEqual(['prepare', 'conformance', 'property', 'load', 'finalize']);
      // Every check of the full profile has its own verdict: none left out, none doubled.
      expect(run.report.results.map((r) => r.checkId).sort()).toEqual(
        run.report.checks.map((c) => c.id).sort(),
      );
    }
    // The steps really overlapped: the property step started before the conformance step ended,
    // and the load shard started before either had finished.
    const lines = concurrent.progress;
    const first = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
    const last = (prefix: string) => lines.findLastIndex((line) => line.startsWith(prefix));
    for (const prefix of ['[conformance', '[property', '[load]'])
      expect(first(prefix), prefix).toBeGreaterThanOrEqual(0);
    expect(first('[property')).toBeLessThan(last('[conformance'));
    expect(first('[load]')).toBeLessThan(last('[conformance'));
    expect(first('[load]')).toBeLessThan(last('[property'));

    expect(statuses(concurrent.report)).toEqual(statuses(sequential.report));
    expect(clauseVerdicts(concurrent.report)).toEqual(clauseVerdicts(sequential.report));
    expect(concurrent.report.overall.verdict).toBe(sequential.report.overall.verdict);
    // On a correct chain no check is inconclusive: each step had its own funded accounts and nonces.
    expect(
      concurrent.report.results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.summary}`),
    ).toEqual([]);
  }, 300_000);
});
