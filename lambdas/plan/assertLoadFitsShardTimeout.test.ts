import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import { assertLoadFitsShardTimeout, shardSetupAllowanceS } from './assertLoadFitsShardTimeout.ts';

const plan = (loadDurationS: number, startDelayMs = 10_000): RunPlan => ({
  runId: '20261124T101500Z-1a2b3c4d',
  profile: { id: 'p', version: '1.0.0', digest: 'sha256:x' },
  parameters: { loadDurationS, loadDrainS: 10 },
  overridden: [],
  excluded: [],
  accounts: [],
  attestations: [],
  steps: [
    {
      kind: 'load',
      id: 'load',
      scenarios: [{ name: 's', checkIds: ['c'], shardCount: 1, startDelayMs, senderRoles: ['r'] }],
    },
  ],
});

describe('assertLoadFitsShardTimeout', () => {
  it('accepts load that finishes within the shard timeout, up to the boundary', () => {
    expect(() => assertLoadFitsShardTimeout(plan(10), 900)).not.toThrow();
    expect(() => assertLoadFitsShardTimeout(plan(900 - 10 - 10 - shardSetupAllowanceS), 900)).not.toThrow();
  });

  it('refuses load that cannot finish, and says the largest duration that would', () => {
    const tooLong = () => assertLoadFitsShardTimeout(plan(3_600), 900);
    expect(tooLong).toThrow(ConfigError);
    expect(tooLong).toThrow(
      /loadDurationS 3600 \+ loadDrainS 10 .* exceeds the load-shard Lambda timeout of 900 s/,
    );
    expect(tooLong).toThrow(new RegExp(`at most ${900 - 10 - 10 - shardSetupAllowanceS}`));
    expect(() => assertLoadFitsShardTimeout(plan(900 - 10 - 10 - shardSetupAllowanceS + 1), 900)).toThrow(
      ConfigError,
    );
  });

  it('has nothing to check in a plan without load', () => {
    expect(() => assertLoadFitsShardTimeout({ ...plan(10), steps: [] }, 1)).not.toThrow();
  });
});
