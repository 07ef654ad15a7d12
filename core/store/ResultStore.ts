import type { CheckResult } from '../checks/CheckResultSchema.ts';
import type { LoadShardResult } from '../checks/LoadShardResultSchema.ts';
import type { Report, ReportSummary } from '../report/ReportSchema.ts';
import type { RunListing } from '../run/RunListingSchema.ts';
import type { RunMeta } from '../run/RunMetaSchema.ts';

export interface StoredRun {
  readonly meta: RunMeta;
  readonly results: CheckResult[];
  readonly loadShards: LoadShardResult[];
}

/**
 * Where a run's results live (DynamoDB locally and in AWS; docs/adr/0002). Every write is keyed by
 * run id + item id and overwrites on retry, so a step that runs twice never duplicates.
 */
export interface ResultStore {
  putRun(meta: RunMeta): Promise<void>;
  putResult(runId: string, result: CheckResult): Promise<void>;
  putLoadShard(runId: string, shard: LoadShardResult): Promise<void>;
  getRun(runId: string): Promise<StoredRun | null>;
  putReport(report: Report): Promise<void>;
  getReport(reportId: string): Promise<Report | null>;
  /** Newest first. */
  listReports(limit: number): Promise<ReportSummary[]>;
  /** Every run, finished or not, newest first. */
  listRuns(limit: number): Promise<RunListing[]>;
}
