import { ConfigError } from '#core/errors/ConfigError.ts';
import { harnessVersion } from '#core/harnessVersion.ts';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { Registry } from '#core/registry/Registry.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import type { RunMeta } from '#core/run/RunMetaSchema.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import type { SealStore } from '#core/store/SealStore.ts';
import { judgeK6QuerySummary } from './judgeK6QuerySummary.ts';
import { judgeK6Summary } from './judgeK6Summary.ts';
import type { K6ExportManifest } from './K6ExportManifestSchema.ts';
import { k6ScenarioOf } from './k6ScenarioOf.ts';
import type { K6Summary } from './parseK6Summary.ts';
import type { CorpusCommits } from './readCorpusCommits.ts';

export interface ImportK6SummaryProps {
  readonly store: ResultStore;
  readonly registry: Registry;
  readonly summary: K6Summary;
  readonly manifest: K6ExportManifest;
  /** A stored run to add the verdicts to. @default - the run the export reserved (manifest.runId), created here */
  readonly runId?: string | undefined;
  /** Receipts chaineval read back for the corpus (judgeK6Summary). @default - none read */
  readonly commits?: CorpusCommits | undefined;
  readonly now?: () => Date;
}

/** Why every other check of an imported run is absent: k6 measured the load, nothing else ran. */
const notRunReason = 'the run holds a k6 summary import only';

/**
 * `chaineval import k6-summary`: PERF-01/02 judged from a k6 summary (judgeK6Summary), stored as a
 * run's results and the run finalized, so the verdicts sit in the report store and the report like
 * any run's. Without `runId` the run is the one the export reserved: its id, the export's target and
 * parameters, every other check recorded as excluded (nothing else was verified). With `runId` the
 * verdicts join a stored, finished run of the same profile and chain that has no transfer load
 * measurement of its own (chaineval's own shards would be judged over them).
 */
export async function importK6Summary(props: ImportK6SummaryProps): Promise<Report> {
  const { store, registry, manifest, summary } = props;
  const now = props.now ?? (() => new Date());
  const durationMs = summary.testRunDurationMs ?? manifest.shape.durationS * 1_000;
  const startedAt = new Date(now().getTime() - durationMs).toISOString();
  const runId = props.runId ?? manifest.runId;
  const stored = await store.getRun(runId);
  if (props.runId !== undefined) {
    if (stored === null)
      throw new ConfigError(
        `no run ${runId} in the report store; "chaineval reports list" shows the stored runs`,
      );
    if (stored.meta.status === 'running')
      throw new ConfigError(`run ${runId} is still running; import into it after it has finished`);
    if (stored.meta.plan.profile.id !== manifest.profile.id) {
      throw new ConfigError(
        `run ${runId} evaluated profile ${stored.meta.plan.profile.id}, the k6 export ${manifest.profile.id}; import into a run of the same profile, or without --run`,
      );
    }
    const [a, b] = [stored.meta.target, manifest.target];
    if (a.chainId !== b.chainId || a.genesisHash !== b.genesisHash) {
      throw new ConfigError(
        `run ${runId} evaluated chain ${a.chainId} (genesis ${a.genesisHash.slice(0, 10)}…), the k6 export loaded chain ${b.chainId} (genesis ${b.genesisHash.slice(0, 10)}…); import into a run of the same chain, or without --run`,
      );
    }
    // A sealed report is signed as it stands: adding verdicts would rebuild it under its seal.
    const seals = store as Partial<Pick<SealStore, 'getSeal'>>;
    if (typeof seals.getSeal === 'function' && (await seals.getSeal(runId)) !== null) {
      throw new ConfigError(
        `run ${runId} is sealed: its signed report cannot take new verdicts; import the k6 summary without --run (a run of its own)`,
      );
    }
    const own = k6ScenarioOf(manifest);
    if (stored.loadShards.some((s) => s.scenario === own.name)) {
      throw new ConfigError(
        `run ${runId} measured the ${manifest.scenario} load itself, and its own measurement decides ${own.checks.map((c) => c.catalogueId).join('/')}; import the k6 summary without --run`,
      );
    }
  } else if (stored !== null && stored.meta.plan.steps.length > 0) {
    throw new ConfigError(
      `run ${runId} in the report store is an evaluation, not this export's import; is the manifest from another store?`,
    );
  } else if (stored === null) {
    await store.putRun(newImportRun(manifest, registry, startedAt));
  }
  const results =
    manifest.scenario === 'transfer'
      ? judgeK6Summary(summary, manifest, startedAt, props.commits)
      : [judgeK6QuerySummary(summary, manifest, startedAt)];
  for (const result of results) await store.putResult(runId, result);
  return finalizeRun(runId, { store, registry, now });
}

/** The run record of an import: no steps (k6 ran the load), the other checks excluded. */
function newImportRun(manifest: K6ExportManifest, registry: Registry, startedAt: string): RunMeta {
  const resolved = resolveProfile(findProfile(registry, manifest.profile.id), registry);
  if (resolved.digest !== manifest.profile.digest) {
    throw new ConfigError(
      `profile ${manifest.profile.id} changed since the k6 export (${manifest.profile.digest} → ${resolved.digest}); export again with this harness`,
    );
  }
  const imported = new Set<string>(k6ScenarioOf(manifest).checks.map((c) => c.id));
  const plan: RunPlan = {
    runId: manifest.runId,
    profile: manifest.profile,
    parameters: manifest.parameters,
    overridden: manifest.overridden,
    steps: [],
    excluded: resolved.checkMeta
      .filter((m) => !imported.has(m.id))
      .map((m) => ({ checkId: m.id, kind: m.kind, reason: notRunReason })),
    accounts: [],
    attestations: [],
  };
  return {
    runId: manifest.runId,
    status: 'running',
    startedAt,
    harnessVersion,
    target: manifest.target,
    plan,
  };
}
