import { describe, expect, it } from 'vitest';
import { RunInputSchema } from './RunInputSchema.ts';

const minimal = {
  runId: '20261124T101500Z-1a2b3c4d',
  targetUrlSecretId: 'chaineval/targets/runs/20261124T101500Z-1a2b3c4d/target-url',
  keySecretId: 'chaineval/targets/example',
};

describe('RunInputSchema', () => {
  it('defaults to the jrt-0193-2020 profile, no overrides and one shard when only the target is given', () => {
    const input = RunInputSchema.parse(minimal);
    expect(input).toMatchObject({ profile: 'jrt-0193-2020', parameters: {}, skip: [], loadShards: 1 });
    expect(input.cryptoSuite).toBeUndefined();
  });

  it('keeps the profile, parameter overrides and the declared crypto suite', () => {
    const input = RunInputSchema.parse({
      ...minimal,
      profile: 'quick',
      cryptoSuite: 'sm2-sm3',
      parameters: { loadRateTps: 200 },
      loadShards: 4,
    });
    expect(input).toMatchObject({
      profile: 'quick',
      cryptoSuite: 'sm2-sm3',
      loadShards: 4,
      parameters: { loadRateTps: 200 },
    });
  });

  it.each([
    ['an unknown top-level field', { privateKey: '0x01' }, /privateKey/],
    ['a malformed run id', { runId: 'run-1' }, /run id must look like/],
    // The URL itself never travels in the execution input: only its secret's name.
    ['the target URL itself', { targetUrl: 'https://rpc.example.com' }, /targetUrl/],
    [
      'a URL secret ARN instead of a name',
      { targetUrlSecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' },
      /targetUrlSecretId must be a Secrets Manager secret name/,
    ],
    [
      'a secret ARN instead of a name',
      { keySecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' },
      /secret name/,
    ],
    ['zero shards', { loadShards: 0 }, /loadShards/],
    ['more than 1000 shards', { loadShards: 1001 }, /loadShards/],
    ['an unknown step to skip', { skip: ['conformance'] }, /skip/],
  ])('refuses %s', (_, override, message) => {
    const parsed = RunInputSchema.safeParse({ ...minimal, ...override });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(message);
  });
});
