import type { CheckResult } from '../checks/CheckResultSchema.ts';
import type { LoadShardResult } from '../checks/LoadShardResultSchema.ts';
import { type Report, ReportSchema } from '../report/ReportSchema.ts';
import { summarizeReport } from '../report/summarizeReport.ts';
import { listingOfRun } from '../run/listingOfRun.ts';
import type { RunMeta } from '../run/RunMetaSchema.ts';
import type { ResultStore } from './ResultStore.ts';

/**
 * A ResultStore in memory: scratch space for `chaineval selftest` (whose verdicts go to the terminal,
 * not to a report store) and for unit tests of the glue (plan, steps, finalize). Integration tests use
 * DynamoDB Local. Values are copied through JSON on the way in and out, as a real store would.
 */
export function createMemoryResultStore(): ResultStore & { readonly writes: string[] } {
  const runs = new Map<string, RunMeta>();
  const results = new Map<string, Map<string, CheckResult>>();
  const shards = new Map<string, Map<string, LoadShardResult>>();
  const reports = new Map<string, Report>();
  const writes: string[] = [];
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const of = <V>(map: Map<string, Map<string, V>>, runId: string) => {
    let inner = map.get(runId);
    if (!inner) {
      inner = new Map();
      map.set(runId, inner);
    }
    return inner;
  };
  return {
    writes,
    async putRun(meta) {
      writes.push(`run ${meta.runId} ${meta.status}`);
      runs.set(meta.runId, copy(meta));
    },
    async putResult(runId, result) {
      writes.push(`result ${result.checkId} ${result.status}`);
      of(results, runId).set(result.checkId, copy(result));
    },
    async putLoadShard(runId, shard) {
      writes.push(`shard ${shard.scenario}#${shard.shardIndex}`);
      of(shards, runId).set(`${shard.scenario}#${shard.shardIndex}`, copy(shard));
    },
    async getRun(runId) {
      const meta = runs.get(runId);
      if (!meta) return null;
      return {
        meta: copy(meta),
        results: [...of(results, runId).values()].map(copy),
        loadShards: [...of(shards, runId).values()].map(copy),
      };
    },
    async putReport(report) {
      writes.push(`report ${report.reportId}`);
      reports.set(report.reportId, ReportSchema.parse(copy(report)));
    },
    async getReport(reportId) {
      const report = reports.get(reportId);
      return report ? copy(report) : null;
    },
    async listReports(limit) {
      return [...reports.values()]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit)
        .map(summarizeReport);
    },
    async listRuns(limit) {
      return [...runs.values()]
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
        .slice(0, limit)
        .map(listingOfRun);
    },
  };
}
