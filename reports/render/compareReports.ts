import type { CheckStatus } from '#core/checks/CheckResultSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import type { ClauseVerdictValue, OverallVerdictValue } from '#core/scoring/ClauseVerdictSchema.ts';
import { binLatencies } from './binLatencies.ts';
import type { LatencyBin } from './latencyBins.ts';
import { type LatencyValue, latencyValues } from './latencyValues.ts';

/** Bins of an overlaid latency distribution: enough for its shape, few enough to read printed. */
export const compareLatencyBinCount = 24;

/** 2–8 reports: fewer is no comparison, more no longer fits a terminal or a printed page. */
export const compareLimits = { min: 2, max: 8 } as const;

/** One report as a column of the comparison: A, B, C … in the order they were given. */
export interface CompareColumn {
  readonly letter: string;
  readonly reportId: string;
  readonly createdAt: string;
  readonly profile: string;
  readonly harnessVersion: string;
  readonly target: Report['target'];
  readonly runStatus: Report['run']['status'];
  readonly verdict: OverallVerdictValue;
  readonly score: number;
  readonly coverage: number;
  /** Against the first report (the baseline); 0 for the baseline itself. */
  readonly scoreDelta: number;
  readonly coverageDelta: number;
}

export interface CompareClauseRow {
  readonly clauseId: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** One per column; undefined when that report's profile has no such clause. */
  readonly verdicts: readonly (ClauseVerdictValue | undefined)[];
  readonly differs: boolean;
}

/** `missing`: the report's profile plans the check but no result was stored. */
export type CompareCheckCell = CheckStatus | 'missing' | undefined;

export interface CompareCheckRow {
  readonly checkId: string;
  readonly catalogueId: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly statuses: readonly CompareCheckCell[];
  readonly differs: boolean;
}

/** The figures of one load check in one report, when it measured any. */
export interface CompareLoadCell {
  readonly status: CheckStatus;
  readonly offered: string;
  readonly committedTps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly successRate: number;
  readonly harnessBottleneck: boolean;
  /**
   * The report's stored HDR histogram of inclusion latency, binned on the range shared by every
   * report of the row (so the distributions overlay on one axis). Undefined when the report stored
   * no readable histogram: the page then says so instead of drawing an invented one.
   */
  readonly latencyDistribution: readonly LatencyBin[] | undefined;
  /**
   * Committed tx/s per point of the report's stored per-second series (LoadMetrics.series), from its
   * own start; undefined when the report stored none (never derived from totals).
   */
  readonly throughput: { readonly bucketS: number; readonly committedTps: readonly number[] } | undefined;
}

export interface CompareLoadRow {
  readonly checkId: string;
  readonly catalogueId: string;
  readonly cells: readonly (CompareLoadCell | undefined)[];
}

/** What the comparison page and table show; built once, rendered twice. */
export interface CompareModel {
  readonly columns: readonly CompareColumn[];
  /** Plain sentences, shown first: why the figures may not be like for like. */
  readonly warnings: readonly string[];
  readonly clauses: readonly CompareClauseRow[];
  readonly checks: readonly CompareCheckRow[];
  readonly load: readonly CompareLoadRow[];
}

/**
 * Puts 2–8 reports side by side, the first as the baseline for deltas. Rows are the union of the
 * reports' clauses and checks (ids are stable across profiles and runs), so a clause one profile
 * lacks shows as absent rather than disappearing. The warnings say in words what makes two reports
 * not like for like — profile, parameters, load offered, harness version, chain — because a reader
 * of a vendor comparison must know before reading the numbers. Pure.
 */
export function compareReports(reports: readonly Report[]): CompareModel {
  if (reports.length < compareLimits.min || reports.length > compareLimits.max) {
    throw new RangeError(
      `compareReports takes ${compareLimits.min}–${compareLimits.max} reports, got ${reports.length}`,
    );
  }
  const [base] = reports as [Report, ...Report[]];
  const columns = reports.map(
    (r, i): CompareColumn => ({
      letter: String.fromCharCode(65 + i),
      reportId: r.reportId,
      createdAt: r.createdAt,
      profile: `${r.profile.id}@${r.profile.version}`,
      harnessVersion: r.harness.version,
      target: r.target,
      runStatus: r.run.status,
      verdict: r.overall.verdict,
      score: r.score.value,
      coverage: r.score.coverage,
      scoreDelta: round1(r.score.value - base.score.value),
      coverageDelta: r.score.coverage - base.score.coverage,
    }),
  );
  return {
    columns,
    warnings: comparabilityWarnings(reports, columns),
    clauses: clauseRows(reports),
    checks: checkRows(reports),
    load: loadRows(reports),
  };
}

function clauseRows(reports: readonly Report[]): CompareClauseRow[] {
  const titles = new Map<string, { zh: string; en: string }>();
  for (const r of reports)
    for (const c of r.clauses) if (!titles.has(c.clauseId)) titles.set(c.clauseId, c.title);
  const byReport = reports.map((r) => new Map(r.clauses.map((c) => [c.clauseId, c.verdict])));
  return [...titles].map(([clauseId, title]) => {
    const verdicts = byReport.map((m) => m.get(clauseId));
    return { clauseId, title, verdicts, differs: new Set(verdicts).size > 1 };
  });
}

function checkRows(reports: readonly Report[]): CompareCheckRow[] {
  const metas = new Map<string, { catalogueId: string; title: { zh: string; en: string } }>();
  for (const r of reports) {
    for (const c of r.checks) if (!metas.has(c.id)) metas.set(c.id, c);
    // A result with no meta (an unmapped check) is still a row: nothing a report says is dropped.
    for (const res of r.results) {
      if (!metas.has(res.checkId))
        metas.set(res.checkId, { catalogueId: '?', title: { zh: res.checkId, en: res.checkId } });
    }
  }
  const columns = reports.map((r) => ({
    planned: new Set(r.checks.map((c) => c.id)),
    results: new Map(r.results.map((res) => [res.checkId, res.status])),
  }));
  return [...metas].map(([checkId, meta]) => {
    const statuses = columns.map(
      ({ planned, results }): CompareCheckCell =>
        results.get(checkId) ?? (planned.has(checkId) ? 'missing' : undefined),
    );
    return {
      checkId,
      catalogueId: meta.catalogueId,
      title: meta.title,
      statuses,
      differs: new Set(statuses).size > 1,
    };
  });
}

function loadRows(reports: readonly Report[]): CompareLoadRow[] {
  const ids: string[] = [];
  for (const r of reports)
    for (const res of r.results) if (res.load && !ids.includes(res.checkId)) ids.push(res.checkId);
  return ids.map((checkId) => {
    const found = reports.map((r) => {
      const res = r.results.find((x) => x.checkId === checkId);
      return res?.load ? { res, m: res.load, values: latencyValues(res.load.latencyHistogram) } : undefined;
    });
    const range = sharedRange(found.flatMap((f) => (f?.values ? [f.values] : [])));
    return {
      checkId,
      catalogueId: reports.flatMap((r) => r.checks).find((c) => c.id === checkId)?.catalogueId ?? '?',
      cells: found.map((f): CompareLoadCell | undefined => {
        if (f === undefined) return undefined;
        const { res, m, values } = f;
        return {
          status: res.status,
          offered: offeredLoad(m.scenario),
          committedTps: m.committedTps,
          p50Ms: m.latency.p50Ms,
          p95Ms: m.latency.p95Ms,
          successRate: m.successRate,
          harnessBottleneck: m.generator.harnessBottleneck,
          latencyDistribution:
            values && range
              ? binLatencies(values, range.fromMs, range.toMs, compareLatencyBinCount)
              : undefined,
          throughput:
            m.series === undefined
              ? undefined
              : {
                  bucketS: m.series.bucketS,
                  committedTps: m.series.committed.map((n) => n / m.series!.bucketS),
                },
        };
      }),
    };
  });
}

/** The lowest and highest latency any of the reports recorded; undefined when none stored one. */
function sharedRange(
  lists: readonly (readonly LatencyValue[])[],
): { fromMs: number; toMs: number } | undefined {
  const all = lists.flat().map(([ms]) => ms);
  return all.length === 0 ? undefined : { fromMs: Math.min(...all), toMs: Math.max(...all) };
}

function comparabilityWarnings(reports: readonly Report[], columns: readonly CompareColumn[]): string[] {
  const warnings: string[] = [];
  const name = (i: number) => `${columns[i]?.letter} (${reports[i]?.reportId})`;
  /** "x in A, B; y in C": each distinct value with the reports that hold it. */
  const byValue = (value: (r: Report) => string) => {
    const groups = new Map<string, number[]>();
    reports.forEach((r, i) => {
      groups.set(value(r), [...(groups.get(value(r)) ?? []), i]);
    });
    return {
      distinct: groups.size,
      text: [...groups]
        .map(([v, is]) => `${v} in ${is.map((i) => columns[i]?.letter).join(', ')}`)
        .join('; '),
    };
  };

  const ids = byValue((r) => r.profile.id);
  const versions = byValue((r) => `${r.profile.id}@${r.profile.version}`);
  const digests = byValue((r) => `${r.profile.id}@${r.profile.version} ${r.profile.digest}`);
  if (ids.distinct > 1) {
    warnings.push(
      `The reports evaluate different profiles (${versions.text}): they hold different clauses and checks, so scores and coverage are not on the same scale.`,
    );
  } else if (versions.distinct > 1) {
    warnings.push(
      `The reports use different versions of the profile (${versions.text}): clauses, parameters or the scoring rubric may have changed between them.`,
    );
  } else if (digests.distinct > 1) {
    warnings.push(
      `The profile's content differs although its id and version match (${digests.text}): it was edited without a version bump, so the same verdict may rest on different rules.`,
    );
  }

  // Across different profiles, a parameter only one of them has is part of "different profiles"
  // above; listing dozens of them as "unset" would bury the ones both runs set differently.
  const keys = [...new Set(reports.flatMap((r) => Object.keys(r.parameters)))]
    .filter((k) => ids.distinct === 1 || reports.every((r) => k in r.parameters))
    .sort();
  const differing = keys.filter((k) => new Set(reports.map((r) => show(r.parameters[k]))).size > 1);
  if (differing.length > 0) {
    warnings.push(
      `The runs used different parameters, so a check may have asked for more in one run than in another: ${differing
        .map((k) => `${k} is ${byValue((r) => show(r.parameters[k])).text}`)
        .join('; ')}.`,
    );
  }

  const loadIds = [...new Set(reports.flatMap((r) => r.results.filter((x) => x.load).map((x) => x.checkId)))];
  const loadDiffers = loadIds.filter((id) => new Set(reports.map((r) => offered(r, id))).size > 1);
  if (loadDiffers.length > 0) {
    warnings.push(
      `The load offered differs, so throughput and latency were not measured under the same load: ${loadDiffers
        .map((id) => `${id} ran ${byValue((r) => offered(r, id)).text}`)
        .join('; ')}.`,
    );
  }

  const harness = byValue((r) => r.harness.version);
  if (harness.distinct > 1) {
    warnings.push(
      `Different chaineval versions produced the reports (${harness.text}): checks may have been added, fixed or made stricter in between.`,
    );
  }

  const chainIds = byValue((r) => `chain ${r.target.chainId}`);
  const chains = byValue((r) => `chain ${r.target.chainId} (genesis ${r.target.genesisHash.slice(0, 10)}…)`);
  if (chainIds.distinct > 1) {
    warnings.push(
      `The reports evaluate different chains (${chains.text}). That is expected when comparing vendors or deployments; just know the figures come from different systems.`,
    );
  } else if (chains.distinct > 1) {
    // Every embedded run starts a fresh anvil, whose genesis block carries its start time.
    warnings.push(
      `The reports evaluate separate instances of ${chainIds.text.replace(/ in .*$/, '')}: the genesis blocks differ (${chains.text}), as they do when each run starts its own embedded chain or the network was reset.`,
    );
  }

  reports.forEach((r, i) => {
    if (r.run.status !== 'complete') {
      warnings.push(
        `Report ${name(i)} is ${r.run.status}${r.run.incompleteReason ? ` (${r.run.incompleteReason})` : ''}: its verdicts cover only part of the run.`,
      );
    }
  });
  return warnings;

  function offered(r: Report, checkId: string): string {
    const m = r.results.find((x) => x.checkId === checkId)?.load;
    return m ? offeredLoad(m.scenario) : 'no load figures';
  }
}

function offeredLoad(s: { rateTps: number; durationS: number; shards: number }): string {
  return `${s.rateTps} tx/s × ${s.durationS} s on ${s.shards} shard${s.shards === 1 ? '' : 's'}`;
}

/** A parameter value as the report's own renderers show it (JSON), `unset` when a run has none. */
function show(value: unknown): string {
  return value === undefined ? 'unset' : (JSON.stringify(value) ?? String(value));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
