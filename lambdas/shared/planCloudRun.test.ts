import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { capacityScenarioName } from '#load/runCapacityShard.ts';
import { queryScenarioName } from '#load/runQueryShard.ts';
import { transferScenarioName } from '#load/runTransferShard.ts';
import { cloudShardStartAllowanceMs, planCloudRun } from './planCloudRun.ts';
import type { LambdaEnv } from './readLambdaEnv.ts';

const env: LambdaEnv = {
  tableName: 'Results',
  targetSecretPrefix: 'chaineval/targets/',
  runSecretPrefix: undefined,
  allowedTargetHosts: [],
  loadShardTimeoutS: 900,
  loadMaxConcurrency: 10,
  loadShardStartAllowanceMs: undefined,
  stateMachineArn: undefined,
  reportBucketName: undefined,
  reportSigningKeyId: undefined,
};
const request = (fields: Record<string, unknown> = {}) =>
  RunRequestSchema.parse({ runId: '20261124T101500Z-1a2b3c4d', ...fields });
const loadOf = (plan: ReturnType<typeof planCloudRun>) => {
  const load = plan.steps.find((s) => s.kind === 'load');
  if (load?.kind !== 'load') throw new Error('no load step');
  return load;
};

describe('planCloudRun', () => {
  it('plans every load scenario of the default profile, in the order the CLI runs them', () => {
    // The state machine runs them one after another, so more than one is no reason to refuse.
    const scenarios = loadOf(planCloudRun(request({ loadShards: 2 }), env)).scenarios;
    expect(scenarios.map((s) => s.name)).toEqual([
      transferScenarioName,
      queryScenarioName,
      capacityScenarioName,
    ]);
    expect(scenarios.every((s) => s.shardCount === 2)).toBe(true);
  });

  it("adds the stack's shard start allowance to every scenario's start delay, 30 s when it sets none", () => {
    const delays = (allowanceMs: number | undefined) =>
      loadOf(planCloudRun(request(), { ...env, loadShardStartAllowanceMs: allowanceMs })).scenarios.map(
        (s) => s.startDelayMs,
      );
    const byDefault = delays(undefined);
    const shorter = delays(5_000);
    expect(byDefault).toEqual(delays(cloudShardStartAllowanceMs));
    expect(byDefault.map((d, i) => d - (shorter[i] ?? 0))).toEqual(
      byDefault.map(() => cloudShardStartAllowanceMs - 5_000),
    );
  });

  it('refuses more shards than the Map runs at once, and a Lambda without the load settings', () => {
    expect(() => planCloudRun(request({ loadShards: 11 }), env)).toThrow(/at most 10/);
    expect(() => planCloudRun(request(), { ...env, loadShardTimeoutS: undefined })).toThrow(ConfigError);
  });
});
