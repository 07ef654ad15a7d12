import type { CheckContext, CheckMeta } from '../checks/CheckDefinition.ts';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import type { LoadShardResult } from '../checks/LoadShardResultSchema.ts';
import type { ProfileParameters } from '../profile/ProfileParametersSchema.ts';

/**
 * A load scenario split the way both runtimes run it: shards (worker threads locally, a Step
 * Functions Map of Lambdas in AWS) each produce raw counts and histograms; `judge` merges them
 * exactly and turns the merged metrics into the verdicts of the scenario's checks.
 */
export interface LoadScenario {
  readonly name: string;
  readonly checks: readonly CheckMeta[];
  /** Capabilities every shard needs; without them the scenario's checks are skipped. */
  readonly requires: CheckMeta['requires'];
  runShard(ctx: CheckContext, shardIndex: number, shardCount: number): Promise<LoadShardResult>;
  judge(shards: readonly LoadShardResult[], params: ProfileParameters, startedAt: string): CheckResult[];
}
