import { describe, expect, it } from 'vitest';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { LoadShardInputSchema } from './schema.ts';

const item = {
  runId: '20261124T101500Z-1a2b3c4d',
  target: { url: 'https://rpc.example.com', keySecretId: 'chaineval/targets/example' },
  parameters: ProfileParametersSchema.parse({}),
  shardIndex: 3,
  shardCount: 4,
};

describe('LoadShardInputSchema', () => {
  it('accepts a Map item built from plan output', () => {
    expect(LoadShardInputSchema.parse(item)).toMatchObject({ shardIndex: 3, shardCount: 4 });
  });

  it('refuses a shard index outside the shard count', () => {
    const parsed = LoadShardInputSchema.safeParse({ ...item, shardIndex: 4 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['shardIndex'],
      message: 'shardIndex must be below shardCount',
    });
  });

  it('refuses an input without the target reference', () => {
    const { target: _, ...withoutTarget } = item;
    expect(LoadShardInputSchema.safeParse(withoutTarget).success).toBe(false);
  });
});
