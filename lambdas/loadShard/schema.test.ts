import { describe, expect, it } from 'vitest';
import { LoadShardInputSchema } from './schema.ts';

const item = {
  runId: '20261124T101500Z-1a2b3c4d',
  target: {
    urlSecretId: 'chaineval/targets/runs/20261124T101500Z-1a2b3c4d/target-url',
    keySecretId: 'chaineval/targets/example',
  },
  scenario: 'transfer-constant-rate',
  shardIndex: 3,
  loadStartedAt: '2026-11-24T10:16:00.000Z',
};

describe('LoadShardInputSchema', () => {
  it('accepts a Map item built from plan output and the load start time', () => {
    expect(LoadShardInputSchema.parse(item)).toMatchObject({
      scenario: 'transfer-constant-rate',
      shardIndex: 3,
    });
  });

  it('refuses an item without the common start time (each shard would start on its own clock)', () => {
    const { loadStartedAt: _, ...withoutStart } = item;
    expect(LoadShardInputSchema.safeParse(withoutStart).success).toBe(false);
  });

  it('refuses an input without the target reference', () => {
    const { target: _, ...withoutTarget } = item;
    expect(LoadShardInputSchema.safeParse(withoutTarget).success).toBe(false);
  });
});
