import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { readLambdaEnv } from './readLambdaEnv.ts';

describe('readLambdaEnv', () => {
  it('reads the variables the stack sets and splits the allow-list', () => {
    expect(
      readLambdaEnv({
        CHAINEVAL_TABLE_NAME: 'Results',
        CHAINEVAL_TARGET_SECRET_PREFIX: 'chaineval/targets/',
        CHAINEVAL_ALLOWED_TARGET_HOSTS: '10.0.0.5, RPC.internal ,',
        CHAINEVAL_LOAD_SHARD_TIMEOUT_S: '900',
      }),
    ).toEqual({
      tableName: 'Results',
      targetSecretPrefix: 'chaineval/targets/',
      allowedTargetHosts: ['10.0.0.5', 'rpc.internal'],
      loadShardTimeoutS: 900,
    });
  });

  it('treats an empty or absent allow-list as "allow no private host"', () => {
    expect(
      readLambdaEnv({ CHAINEVAL_TABLE_NAME: 'Results', CHAINEVAL_ALLOWED_TARGET_HOSTS: '' })
        .allowedTargetHosts,
    ).toEqual([]);
    expect(readLambdaEnv({ CHAINEVAL_TABLE_NAME: 'Results' })).toMatchObject({
      allowedTargetHosts: [],
      targetSecretPrefix: undefined,
    });
  });

  it("reads finalize's report bucket and signing key, absent elsewhere", () => {
    expect(
      readLambdaEnv({
        CHAINEVAL_TABLE_NAME: 'Results',
        CHAINEVAL_REPORT_BUCKET: 'chaineval-reports',
        CHAINEVAL_REPORT_SIGNING_KEY_ID: 'arn:aws:kms:eu-west-1:123456789012:key/k',
      }),
    ).toMatchObject({
      reportBucketName: 'chaineval-reports',
      reportSigningKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k',
    });
    expect(readLambdaEnv({ CHAINEVAL_TABLE_NAME: 'Results' }).reportBucketName).toBeUndefined();
  });

  it('refuses an environment without the table name', () => {
    expect(() => readLambdaEnv({})).toThrow(ConfigError);
    expect(() => readLambdaEnv({})).toThrow(/CHAINEVAL_TABLE_NAME/);
  });
});
