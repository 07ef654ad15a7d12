import type { ChainAdapter, Hex } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult, CheckStatus } from '#core/checks/CheckResultSchema.ts';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { executePlan } from '#core/run/executePlan.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import { detectionMatrix } from '../detectionMatrix.ts';
import type { FaultName } from '../faultCatalogue.ts';
import { faultCatalogue } from '../faultCatalogue.ts';
import type { RunningFaultProxy } from '../startFaultProxy.ts';
import { restrictProfile } from './restrictProfile.ts';
import { selftestParameters, selftestParameterValues, transportProbeChecks } from './selftestConfig.ts';
import { createStacks, type Stack, type StackKind, slowResponseDelayMs, stackOf } from './selftestStacks.ts';

export interface SelftestOptions {
  /** The clean chain (the embedded anvil). */
  readonly upstreamUrl: string;
  /** A funded key on it (anvil's first dev account). */
  readonly fundingKey: Hex;
  readonly registry: Registry;
  /** @default 'jrt-0193-2020' */
  readonly profileId?: string;
  /** Run only these faults (and the clean run). @default - every fault of the catalogue */
  readonly only?: readonly FaultName[];
  readonly progress: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** One check's verdict in one run of the selftest. */
export interface SelftestCell {
  readonly checkId: string;
  readonly status: CheckStatus | 'missing';
  readonly summary: string;
}

/** One fault: what it must cause and what it caused. */
export interface SelftestRow {
  readonly fault: FaultName;
  readonly description: string;
  readonly transport: boolean;
  readonly appliesTo: 'every-endpoint' | 'second-endpoint';
  /** `fail` for the checks built to catch it; `error` (inconclusive) for transport faults. */
  readonly expected: 'fail' | 'error';
  readonly cells: readonly SelftestCell[];
  /** Every cell has the expected status. */
  readonly detected: boolean;
  readonly durationMs: number;
}

export interface SelftestResult {
  readonly profileId: string;
  /** Every check of the profile on the clean network. */
  readonly clean: readonly SelftestCell[];
  /** Clean-run verdicts that are `fail`, `error` or missing: false failures of the harness. */
  readonly falseFailures: readonly SelftestCell[];
  readonly rows: readonly SelftestRow[];
  /** No false failure, every fault detected. */
  readonly ok: boolean;
  /** Parameters the selftest used instead of the profile's defaults, with the reason. */
  readonly parameters: typeof selftestParameters;
  readonly durationMs: number;
}

/**
 * `chaineval selftest` (issue 7): the profile on a clean network (the chain behind hardened proxy
 * endpoints), then, fault by fault, the checks built to catch each fault with the fault switched on.
 * A fault is detected when each of those checks ends `fail` (transport faults: `error`, never `pass`);
 * the clean run must have no `fail` or `error`. Accounts are funded while the proxies are clean, so a
 * fault only ever meets the checks.
 */
export async function runSelftest(options: SelftestOptions): Promise<SelftestResult> {
  const started = Date.now();
  const profileId = options.profileId ?? 'jrt-0193-2020';
  const profile = findProfile(options.registry, profileId);
  const inProfile = new Set(Object.keys(profile.checks));
  const stacks = createStacks({ upstreamUrl: options.upstreamUrl, fundingKey: options.fundingKey });
  try {
    /** Runs `checkIds` on the stack each belongs to (with the fault on that stack's gateways). */
    const runChecks = async (checkIds: readonly string[], fault?: FaultName): Promise<SelftestCell[]> => {
      const byStack = new Map<StackKind, string[]>();
      for (const id of checkIds)
        byStack.set(stackOf(id, options.registry), [
          ...(byStack.get(stackOf(id, options.registry)) ?? []),
          id,
        ]);
      const cells = new Map<string, SelftestCell>();
      for (const [kind, ids] of byStack) {
        for (const cell of await runOnStack(await stacks.get(kind), ids, fault))
          cells.set(cell.checkId, cell);
      }
      return checkIds.map((id) => cells.get(id) as SelftestCell);
    };

    const runOnStack = async (
      stack: Stack,
      checkIds: readonly string[],
      fault?: FaultName,
    ): Promise<SelftestCell[]> => {
      const restricted = restrictProfile(profile, checkIds, options.registry);
      const registry: Registry = { ...options.registry, profiles: [restricted] };
      const read = resolveProfile(restricted, registry).parameters;
      const parameters = Object.fromEntries(
        Object.entries({ ...selftestParameterValues(), ...stack.parameters }).filter(([name]) =>
          read.has(name),
        ),
      );
      const request = RunRequestSchema.parse({ runId: newRunId(), profile: restricted.id, parameters });
      // A load shard facing a slow endpoint needs three round trips before its first send: allow for
      // them in the common start time, or the generator's self-check calls the run inconclusive.
      const plan = planRun(request, registry, {
        maxConcurrentShards: 1,
        ...(fault ? { shardStartAllowanceMs: 2_000 + 4 * slowResponseDelayMs } : {}),
      });
      const store = createMemoryResultStore();
      const deps = {
        adapter: stack.adapters[0] as ChainAdapter,
        network: stack.adapters,
        store,
        registry,
        progress: () => {},
        ...(options.signal ? { signal: options.signal } : {}),
      };
      await prepareRun(plan, deps);
      if (fault) setFault(stack.gateways, fault);
      let incompleteReason: string | undefined;
      try {
        incompleteReason = await executePlan(plan, deps);
      } finally {
        if (fault) for (const proxy of stack.gateways) proxy.setFaults([]);
      }
      const report = await finalizeRun(plan.runId, {
        store,
        registry,
        ...(incompleteReason === undefined ? {} : { incompleteReason }),
      });
      // Only the checks asked for are judged (a load check brings its scenario's other checks along).
      return checkIds.map((checkId) => cellOf(checkId, report.results, incompleteReason));
    };

    options.progress(`clean run: every check of ${profileId} on clean gateway endpoints …`);
    const clean = await runChecks(Object.keys(profile.checks));
    const falseFailures = clean.filter(
      (c) => c.status === 'fail' || c.status === 'error' || c.status === 'missing',
    );
    for (const c of falseFailures) options.progress(`  false ${c.status}: ${c.checkId}: ${c.summary}`);

    const rows: SelftestRow[] = [];
    const matrix = detectionMatrix(options.registry).filter(
      (row) => options.only === undefined || options.only.includes(row.fault),
    );
    for (const [index, row] of matrix.entries()) {
      if (options.signal?.aborted) break;
      const rowStarted = Date.now();
      const checkIds = row.transport
        ? transportProbeChecks.filter((id) => inProfile.has(id))
        : row.detectedBy.filter((id) => inProfile.has(id));
      const expected = row.transport ? 'error' : 'fail';
      const cells = checkIds.length === 0 ? [] : await runChecks(checkIds, row.fault);
      const detected = cells.length > 0 && cells.every((c) => c.status === expected);
      const appliesTo = faultCatalogue[row.fault].appliesTo;
      rows.push({
        fault: row.fault,
        description: row.description,
        transport: row.transport,
        appliesTo,
        expected,
        cells,
        detected,
        durationMs: Date.now() - rowStarted,
      });
      const verdicts = cells.map((c) => `${c.checkId} ${c.status}`).join(', ') || 'no check in the profile';
      options.progress(
        `[${index + 1}/${matrix.length}] ${detected ? 'detected' : 'UNDETECTED'} ${row.fault}: ${verdicts}`,
      );
    }
    return {
      profileId,
      clean,
      falseFailures,
      rows,
      ok: falseFailures.length === 0 && rows.length === matrix.length && rows.every((r) => r.detected),
      parameters: selftestParameters,
      durationMs: Date.now() - started,
    };
  } finally {
    await stacks.close();
  }
}

/** Switches the fault on where it belongs: every endpoint, or the second only (node divergence). */
function setFault(proxies: readonly RunningFaultProxy[], fault: FaultName): void {
  const secondOnly = faultCatalogue[fault].appliesTo === 'second-endpoint';
  for (const [i, proxy] of proxies.entries()) proxy.setFaults(secondOnly && i === 0 ? [] : [fault]);
}

/** A check the run never reached because the endpoint stopped answering is inconclusive (`error`). */
function cellOf(
  checkId: string,
  results: readonly CheckResult[],
  incompleteReason: string | undefined,
): SelftestCell {
  const result = results.find((r) => r.checkId === checkId);
  if (result) return { checkId, status: result.status, summary: result.summary };
  return incompleteReason === undefined
    ? { checkId, status: 'missing', summary: 'no result although the run completed' }
    : { checkId, status: 'error', summary: `not reached: the run ended early (${incompleteReason})` };
}
