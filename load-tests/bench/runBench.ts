/**
 * `npm run bench` (issue 9 item 6; a benchmark, not a test): on this machine, in one run, against
 * anvils it starts itself on 127.0.0.1 (1 s blocks, 300M gas limit), (a) the bare pre-signed
 * sender (sendBare.ts, the ceiling) and (b) chaineval's capacity search on the same workload (native
 * transfers) through the real plan → prepare → load step → finalize pipeline. Prints committed TPS,
 * p95, harness CPU seconds per 1,000 transactions, peak RSS, and chaineval/ceiling. Each system gets a
 * fresh chain, so neither inherits the other's backlog. Bounded: ~2.5 minutes at most.
 */
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, startAnvil } from '#cli/embedded/startAnvil.ts';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { executeLoadStep } from '#core/run/executeLoadStep.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import { restrictProfile } from '#fault-proxy/selftest/restrictProfile.ts';
import { registry as fullRegistry } from '#registry/index.ts';
import { sendBare } from './sendBare.ts';

const chain = { blockTimeS: 1, gasLimit: 300_000_000n } as const;
/** The capacity search the bench runs: 500 → 1,000 → 2,000 → 4,000 tx/s, then bisection. */
const capacityParameters = {
  loadRateTps: 500,
  loadCapacityGrowth: 2,
  loadCapacityMaxSteps: 5,
  loadCapacityStepS: 4,
  loadDrainS: 6,
  loadLatencyP95MaxMs: 5_000,
  loadCapacityTimeBudgetS: 90,
};
const hardLimitMs = 150_000;

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function benchBare() {
  const anvil = await startAnvil(chain);
  try {
    return await sendBare(anvil.url, { transfers: 12_000, accounts: 64, inFlight: 64, drainS: 15 });
  } finally {
    await anvil.stop();
  }
}

async function benchChaineval() {
  const anvil = await startAnvil(chain);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), hardLimitMs);
  try {
    const adapter = await createEvmAdapter({
      url: anvil.url,
      signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
      embedded: true,
    });
    const profile = restrictProfile(
      findProfile(fullRegistry, 'jrt-0193-2020'),
      ['perf-capacity'],
      fullRegistry,
    );
    const registry: Registry = { ...fullRegistry, profiles: [profile] };
    const read = resolveProfile(profile, registry).parameters;
    const parameters = Object.fromEntries(Object.entries(capacityParameters).filter(([n]) => read.has(n)));
    const plan = planRun(
      RunRequestSchema.parse({ runId: newRunId(), profile: profile.id, parameters }),
      registry,
      {
        maxConcurrentShards: 1,
      },
    );
    const store = createMemoryResultStore();
    const deps = {
      adapter,
      store,
      registry,
      signal: abort.signal,
      progress: (line: string) => {
        if (line.includes('capacity shard')) console.log(`  ${line}`);
      },
    };
    await prepareRun(plan, deps);
    const cpu0 = process.cpuUsage();
    let maxRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => {
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }, 200);
    await executeLoadStep(plan, deps);
    clearInterval(rssTimer);
    const cpu = process.cpuUsage(cpu0);
    const report = await finalizeRun(plan.runId, {
      store,
      registry,
      incompleteReason: 'bench: load step only',
    });
    const stored = await store.getRun(plan.runId);
    const steps = stored?.loadShards.flatMap((s) => s.steps ?? []) ?? [];
    const result = report.results.find((r) => r.checkId === 'perf-capacity');
    await adapter.close();
    return {
      result,
      committedAll: steps.reduce((sum, s) => sum + s.committed, 0),
      cpuS: (cpu.user + cpu.system) / 1e6,
      maxRssMb: maxRss / 2 ** 20,
    };
  } finally {
    clearTimeout(timer);
    await anvil.stop();
  }
}

console.log('chaineval bench: anvil --block-time 1 --gas-limit 300000000 on 127.0.0.1, native transfers');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}`);
console.log('(a) bare pre-signed sender (ceiling) …');
const bare = await benchBare();
console.log('(b) chaineval capacity search …');
const ours = await benchChaineval();
const actual = (ours.result?.actual ?? {}) as { committedTps?: number; p95Ms?: number; capacityTps?: number };
const oursTps = actual.committedTps ?? 0;

console.log('');
console.log('| system | committed tx/s | p95 | CPU s / 1,000 tx | peak RSS |');
console.log('|---|---|---|---|---|');
console.log(
  `| bare pre-signed sender | ${fmt(bare.committedTps)} (${bare.committed}/${bare.sent} in ${fmt(bare.windowS, 1)} s) | — | ${fmt((bare.cpuS / Math.max(1, bare.committed)) * 1_000, 3)} (sending only) | ${fmt(bare.maxRssMb)} MB |`,
);
console.log(
  `| chaineval capacity search | ${fmt(oursTps)} at ${fmt(actual.capacityTps ?? 0)} tx/s offered | ${fmt((actual.p95Ms ?? 0) / 1_000, 2)} s | ${fmt((ours.cpuS / Math.max(1, ours.committedAll)) * 1_000, 3)} (signing, sending, watching) | ${fmt(ours.maxRssMb)} MB |`,
);
console.log(
  '| Hyperledger Caliper 0.6 | not run by this script (see shared/reference/caliper-recipe.md: ≈ 470–550 write TPS) | | | |',
);
console.log('');
console.log(`verdict: ${ours.result?.status} — ${ours.result?.summary}`);
console.log(
  `chaineval / ceiling: ${fmt(bare.committedTps > 0 ? (oursTps / bare.committedTps) * 100 : 0, 1)}%`,
);
process.exit(0);
