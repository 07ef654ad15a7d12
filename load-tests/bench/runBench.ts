/**
 * `npm run bench` (issue 9 item 6; a benchmark, not a test): on this machine, in one run, against
 * anvils it starts itself on 127.0.0.1 (1 s blocks, 300M gas limit), one fresh chain per system so
 * none inherits another's backlog:
 *   (a) the bare pre-signed sender (sendBare.ts), the ceiling, on native transfers and on the
 *       contract write;
 *   (b) chaineval's capacity search (PERF-04) through the real plan → prepare → load step → finalize
 *       pipeline, on native transfers and on the contract write (loadWorkload "contract-write");
 *   (c) Hyperledger Caliper 0.6 with caliper-ethereum on its `simple` contract (caliper/runCaliper.ts;
 *       installed into .chaineval/bench/caliper on first use).
 * Prints committed TPS, p95 latency, harness CPU seconds per 1,000 transactions and peak RSS of each,
 * then chaineval/ceiling and chaineval/Caliper. `--only bare|chaineval|caliper` runs a part alone.
 * Bounded: each chaineval search is aborted after 330 s (the search itself stops starting steps after 150 s), Caliper's process tree killed after 240 s;
 * about 10 minutes in all, plus Caliper's install (1–2.5 minutes measured) on first use.
 */
import { fileURLToPath } from 'node:url';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { killAllServices } from '#cli/embedded/spawnService.ts';
import { anvilDevPrivateKey, startAnvil } from '#cli/embedded/startAnvil.ts';
import { ChainevalError } from '#core/errors/ChainevalError.ts';
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
import { type CaliperBenchResult, runCaliper } from './caliper/runCaliper.ts';
import { parseBenchFlags } from './parseBenchFlags.ts';
import { type BareSenderResult, sendBare } from './sendBare.ts';

type Workload = 'transfer' | 'contract-write';

const chain = { blockTimeS: 1, gasLimit: 300_000_000n } as const;
/**
 * The capacity search the bench runs: 3,000 → 4,500 → 6,750 tx/s, then bisection (to 10%) below the
 * lowest rate that broke or that the harness could not vouch for. Steps of 12 s: committed TPS
 * (PSWG) counts the window's inclusion tail (≈ one block), and the bare sender's 24,000 transfers
 * carry the same tail, so a step much shorter than its window would understate chaineval.
 */
const capacityParameters = {
  loadRateTps: 3_000,
  loadCapacityGrowth: 1.5,
  loadCapacityMaxSteps: 6,
  loadCapacityStepS: 12,
  loadDrainS: 6,
  loadLatencyP95MaxMs: 5_000,
  loadCapacityTimeBudgetS: 150,
};
const hardLimitMs = 330_000;
/**
 * Caliper as shared/reference/caliper-recipe.md's best setting on this machine (simple-2w-hi): 2
 * workers, 1,000 transactions outstanding, 6,000 per round; its write rounds open and transfer.
 */
const caliperSetup = { workers: 2, txPerRound: 6_000, transactionLoad: 1_000, hardLimitMs: 240_000 };

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function benchBare(workload: Workload): Promise<BareSenderResult> {
  const anvil = await startAnvil(chain);
  try {
    return await sendBare(anvil.url, { transfers: 24_000, accounts: 64, inFlight: 64, drainS: 15, workload });
  } finally {
    await anvil.stop();
  }
}

interface ChainevalBench {
  readonly workload: Workload;
  readonly status: string;
  readonly summary: string;
  readonly capacityTps?: number;
  readonly committedTps?: number;
  readonly p95Ms?: number;
  /** Committed transactions over all steps of the search: what the CPU was spent on. */
  readonly committedAll: number;
  readonly cpuS: number;
  readonly maxRssMb: number;
}

async function benchChaineval(workload: Workload): Promise<ChainevalBench> {
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
    const parameters = Object.fromEntries(
      Object.entries({ ...capacityParameters, loadWorkload: workload }).filter(([n]) => read.has(n)),
    );
    const plan = planRun(
      RunRequestSchema.parse({ runId: newRunId(), profile: profile.id, parameters }),
      registry,
      { maxConcurrentShards: 1 },
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
    const actual = (result?.actual ?? {}) as { committedTps?: number; p95Ms?: number; capacityTps?: number };
    await adapter.close();
    return {
      workload,
      status: result?.status ?? 'missing',
      summary: result?.summary ?? 'no perf-capacity result',
      ...(actual.capacityTps !== undefined ? { capacityTps: actual.capacityTps } : {}),
      ...(actual.committedTps !== undefined ? { committedTps: actual.committedTps } : {}),
      ...(actual.p95Ms !== undefined ? { p95Ms: actual.p95Ms } : {}),
      committedAll: steps.reduce((sum, s) => sum + s.committed, 0),
      cpuS: (cpu.user + cpu.system) / 1e6,
      maxRssMb: maxRss / 2 ** 20,
    };
  } finally {
    clearTimeout(timer);
    await anvil.stop();
  }
}

/** The write round with the highest committed throughput: Caliper at its best. */
function caliperBest(caliper: CaliperBenchResult) {
  if (!caliper.ran) return undefined;
  return caliper.rounds
    .filter((r) => r.throughputTps !== null)
    .reduce<(typeof caliper.rounds)[number] | undefined>(
      (best, r) => (best && (best.throughputTps ?? 0) >= (r.throughputTps ?? 0) ? best : r),
      undefined,
    );
}

let only: ReturnType<typeof parseBenchFlags>['only'];
try {
  only = parseBenchFlags(process.argv.slice(2)).only;
} catch (error) {
  if (!(error instanceof ChainevalError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// The anvils and Caliper run in their own process groups (a terminal's Ctrl-C reaches only this
// process): an interrupted bench ends them, by the PIDs it started, before it exits.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    console.error(`bench interrupted (${signal}): stopping the chains and Caliper it started`);
    killAllServices();
    process.exit(130);
  });

const os = await import('node:os');
console.log(
  'chaineval bench: anvil --block-time 1 --gas-limit 300000000 on 127.0.0.1, a fresh chain per system',
);
console.log(
  `machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')}`,
);
const bare: Partial<Record<Workload, BareSenderResult>> = {};
const ours: Partial<Record<Workload, ChainevalBench>> = {};
let caliper: CaliperBenchResult | undefined;
if (only.has('bare')) {
  console.log('(a) bare pre-signed sender (ceiling): native transfers …');
  bare.transfer = await benchBare('transfer');
  console.log('(a) bare pre-signed sender (ceiling): contract write (Probe.set) …');
  bare['contract-write'] = await benchBare('contract-write');
}
if (only.has('chaineval')) {
  console.log('(b) chaineval capacity search: native transfers …');
  ours.transfer = await benchChaineval('transfer');
  console.log('(b) chaineval capacity search: contract write (loadWorkload contract-write, Probe.set) …');
  ours['contract-write'] = await benchChaineval('contract-write');
}
if (only.has('caliper')) {
  console.log(
    `(c) Hyperledger Caliper 0.6, caliper-ethereum, \`simple\` contract: ${caliperSetup.workers} workers, fixed-load ${caliperSetup.transactionLoad}, ${caliperSetup.txPerRound} tx per round (open, transfer) …`,
  );
  caliper = await runCaliper({
    installDir: fileURLToPath(new URL('../../.chaineval/bench/caliper', import.meta.url)),
    chain,
    ...caliperSetup,
    log: (line) => console.log(line),
  });
  if (!caliper.ran) console.log(`  Caliper was not run: ${caliper.reason}`);
}

const perK = (cpuS: number, tx: number) => (tx > 0 ? (cpuS / tx) * 1_000 : Number.NaN);
const mb = (n: number) => `${fmt(n)} MB`;
const workloadName: Record<Workload, string> = {
  transfer: 'native transfer',
  'contract-write': 'contract write (Probe.set)',
};
console.log('');
console.log('| system | workload | committed tx/s | p95 latency | harness CPU s / 1,000 tx | peak RSS |');
console.log('|---|---|---|---|---|---|');
for (const w of ['transfer', 'contract-write'] as const) {
  const b = bare[w];
  if (b)
    console.log(
      `| bare pre-signed sender (ceiling) | ${workloadName[w]} | ${fmt(b.committedTps)} (${b.committed}/${b.sent} in ${fmt(b.windowS, 1)} s) | — (not measured) | ${fmt(perK(b.cpuS, b.committed), 3)} (sending only) | ${mb(b.maxRssMb)} |`,
    );
}
for (const w of ['transfer', 'contract-write'] as const) {
  const o = ours[w];
  if (o)
    console.log(
      `| chaineval capacity search | ${workloadName[w]} | ${o.committedTps === undefined ? `none conclusive (${o.status})` : `${fmt(o.committedTps)} at ${fmt(o.capacityTps ?? 0)} tx/s offered`} | ${o.p95Ms === undefined ? '—' : `${fmt(o.p95Ms / 1_000, 2)} s`} | ${fmt(perK(o.cpuS, o.committedAll), 3)} (signing, sending, watching, receipts) | ${mb(o.maxRssMb)} |`,
    );
}
const best = caliper ? caliperBest(caliper) : undefined;
if (caliper?.ran) {
  const succ = caliper.rounds.reduce((sum, r) => sum + r.succ, 0);
  for (const r of caliper.rounds)
    console.log(
      `| Hyperledger Caliper 0.6 | \`simple\` ${r.name} | ${r.throughputTps === null ? '—' : fmt(r.throughputTps, 1)} (${r.succ} succ, ${r.fail} fail, sent at ${fmt(r.sendRateTps ?? 0, 1)} tx/s) | n/a: Caliper reports avg ${fmt(r.avgLatencyS ?? 0, 2)} s, max ${fmt(r.maxLatencyS ?? 0, 2)} s | ${r === caliper.rounds[0] ? `${fmt(perK(caliper.cpuRoundsS, succ), 3)} (both rounds, manager + ${caliperSetup.workers} workers)` : '〃'} | ${r === caliper.rounds[0] ? mb(caliper.peakRssMb) : '〃'} |`,
    );
  if (caliper.rounds.length === 0) console.log('| Hyperledger Caliper 0.6 | `simple` | no result | | | |');
} else if (caliper) {
  console.log(`| Hyperledger Caliper 0.6 | \`simple\` | not run: ${caliper.reason} | | | |`);
}
console.log('');
for (const o of Object.values(ours)) console.log(`chaineval ${o.workload}: ${o.status} — ${o.summary}`);
if (caliper?.ran) {
  const succ = caliper.rounds.reduce((sum, r) => sum + r.succ, 0);
  console.log(
    `Caliper: ${caliper.incomplete ? `incomplete (${caliper.incomplete}); ` : ''}${succ} transactions succeeded by its count, ${caliper.onChainTx - 1} on chain (blocks' transaction counts, its contract deployment left out); CPU ${fmt(caliper.cpuRoundsS, 1)} s over its rounds, ${fmt(caliper.cpuTotalS, 1)} s in all (start-up, deployment), read from /proc over its process tree; wall ${fmt(caliper.wallS, 0)} s; its report: ${caliper.reportPath}`,
  );
}
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !(b > 0) ? undefined : a / b;
const pct = (r: number | undefined) => (r === undefined ? 'n/a' : `${fmt(r * 100, 1)}%`);
const times = (r: number | undefined) => (r === undefined ? 'n/a' : `${fmt(r, 2)}×`);
console.log(
  `chaineval / ceiling, native transfers: ${pct(ratio(ours.transfer?.committedTps, bare.transfer?.committedTps))} (target ≥ 90%)`,
);
console.log(
  `chaineval / ceiling, contract write: ${pct(ratio(ours['contract-write']?.committedTps, bare['contract-write']?.committedTps))}`,
);
console.log(
  `chaineval / Caliper, contract write (Caliper's best round${best ? `, ${best.name}` : ''}): ${times(ratio(ours['contract-write']?.committedTps, best?.throughputTps ?? undefined))} (target ≥ 5×)`,
);
const oc = ours['contract-write'];
const caliperPerTx =
  caliper?.ran === true
    ? perK(
        caliper.cpuRoundsS,
        caliper.rounds.reduce((sum, r) => sum + r.succ, 0),
      )
    : undefined;
const oursPerTx = oc ? perK(oc.cpuS, oc.committedAll) : undefined;
const cpuRatio = ratio(oursPerTx, caliperPerTx);
console.log(
  `harness CPU per 1,000 tx, contract write: chaineval ${oursPerTx === undefined ? 'n/a' : `${fmt(oursPerTx, 3)} s`}, Caliper ${caliperPerTx === undefined ? 'n/a' : `${fmt(caliperPerTx, 3)} s`}: chaineval / Caliper ${cpuRatio === undefined ? 'n/a' : `${fmt(cpuRatio, 2)}×`} (target ≤ 0.20×)`,
);
process.exit(0);
