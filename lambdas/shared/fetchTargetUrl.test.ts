import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import {
  type SecretsManagerStub,
  startSecretsManagerStub,
} from '../../tests/support/cloud/startSecretsManagerStub.ts';
import { fetchTargetUrl } from './fetchTargetUrl.ts';

/** Against the Secrets Manager stub (an HTTP server answering the SDK's signed requests). */
describe('fetchTargetUrl', () => {
  const prefix = 'chaineval/targets/';
  const url = 'https://user:pass-123@rpc.example.com/v3/tok-abc?apikey=qs-def';
  let stub: SecretsManagerStub;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    stub = await startSecretsManagerStub({
      [`${prefix}runs/a/target-url`]: `${url}\n`,
      [`${prefix}runs/b/target-url`]: 'ftp://files.example.com/pass-456',
      'elsewhere/url': url,
    });
    client = new SecretsManagerClient({
      endpoint: stub.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAUNITTEST', secretAccessKey: 'unit-test-secret' },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await stub?.close();
  });

  it('reads the URL once per container and serves later steps from the cache', async () => {
    const secretId = `${prefix}runs/a/target-url`;
    expect(await fetchTargetUrl({ client, secretId, allowedPrefix: prefix })).toBe(url);
    expect(await fetchTargetUrl({ client, secretId, allowedPrefix: prefix })).toBe(url);
    expect(stub.requests.filter((r) => (r.body as { SecretId?: string }).SecretId === secretId)).toHaveLength(
      1,
    );
  });

  it('refuses a name outside the prefix without asking AWS', async () => {
    const before = stub.requests.length;
    const read = fetchTargetUrl({ client, secretId: 'elsewhere/url', allowedPrefix: prefix });
    await expect(read).rejects.toThrow(ConfigError);
    await expect(read).rejects.toThrow(/outside the prefix "chaineval\/targets\/"/);
    expect(stub.requests.length).toBe(before);
  });

  it('says which URL secret is missing (an execution started by hand before its secret)', async () => {
    const read = fetchTargetUrl({
      client,
      secretId: `${prefix}runs/missing/target-url`,
      allowedPrefix: prefix,
    });
    await expect(read).rejects.toThrow(ConfigError);
    await expect(read).rejects.toThrow(
      /^target URL secret "chaineval\/targets\/runs\/missing\/target-url" does not exist; create it before the run starts/,
    );
  });

  it('refuses a secret that holds no http(s) URL, and does not quote its value', async () => {
    const error = await fetchTargetUrl({
      client,
      secretId: `${prefix}runs/b/target-url`,
      allowedPrefix: prefix,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(/does not hold an http\(s\) target URL/);
    expect(JSON.stringify([(error as Error).message, (error as ConfigError).details])).not.toContain(
      'pass-456',
    );
  });
});
