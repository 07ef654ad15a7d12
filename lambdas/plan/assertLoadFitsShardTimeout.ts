import { ConfigError } from '#core/errors/ConfigError.ts';
import type { ProfileParameters } from '#core/profile/ProfileParametersSchema.ts';

/**
 * Time a shard needs beyond sending and draining: connecting, funding and pre-signing its
 * transactions, and writing its result. Generous on purpose: a shard killed by its timeout loses
 * its counts and the whole run ends incomplete.
 */
export const shardSetupAllowanceS = 120;

/**
 * Refuses load parameters a load-shard Lambda could not finish within its timeout (Lambda allows
 * 15 minutes at most), before any step runs, instead of after the shards time out.
 */
export function assertLoadFitsShardTimeout(
  params: Pick<ProfileParameters, 'loadDurationS' | 'loadDrainS'>,
  shardTimeoutS: number,
): void {
  const neededS = params.loadDurationS + params.loadDrainS + shardSetupAllowanceS;
  if (neededS > shardTimeoutS) {
    const maxDurationS = Math.max(0, shardTimeoutS - params.loadDrainS - shardSetupAllowanceS);
    throw new ConfigError(
      `loadDurationS ${params.loadDurationS} + loadDrainS ${params.loadDrainS} (+ ${shardSetupAllowanceS} s setup) exceeds the load-shard Lambda timeout of ${shardTimeoutS} s`,
      {
        details: `Lower loadDurationS to at most ${maxDurationS}, or run long soak tests from the CLI, which has no time limit.`,
      },
    );
  }
}
