import { describe, expect, it } from 'vitest';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { RunInputSchema } from './RunInputSchema.ts';

const minimal = {
  runId: '20261124T101500Z-1a2b3c4d',
  targetUrl: 'https://rpc.example.com',
  keySecretId: 'chaineval/targets/example',
};

describe('RunInputSchema', () => {
  it('fills the profile defaults and one shard when only the target is given', () => {
    const input = RunInputSchema.parse(minimal);
    expect(input.shardCount).toBe(1);
    expect(input.parameters).toEqual(ProfileParametersSchema.parse({}));
    expect(input.cryptoSuite).toBeUndefined();
  });

  it('keeps parameter overrides and the declared crypto suite', () => {
    const input = RunInputSchema.parse({
      ...minimal,
      cryptoSuite: 'sm2-sm3',
      parameters: { loadRateTps: 200 },
      shardCount: 4,
    });
    expect(input.parameters.loadRateTps).toBe(200);
    expect(input.parameters.loadDurationS).toBe(ProfileParametersSchema.parse({}).loadDurationS);
    expect(input).toMatchObject({ cryptoSuite: 'sm2-sm3', shardCount: 4 });
  });

  it.each([
    ['an unknown parameter (a typo)', { parameters: { loadRateTPS: 200 } }, /loadRateTPS/],
    ['an unknown top-level field', { privateKey: '0x01' }, /privateKey/],
    ['a malformed run id', { runId: 'run-1' }, /run id must look like/],
    ['a non-http target', { targetUrl: 'ws://rpc.example.com' }, /http\(s\) URL/],
    [
      'a secret ARN instead of a name',
      { keySecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' },
      /secret name/,
    ],
    ['zero shards', { shardCount: 0 }, /shardCount/],
    ['more than 1000 shards', { shardCount: 1001 }, /shardCount/],
    ['an out-of-range parameter', { parameters: { loadRateTps: -1 } }, /loadRateTps/],
  ])('refuses %s', (_, override, message) => {
    const parsed = RunInputSchema.safeParse({ ...minimal, ...override });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(message);
  });
});
