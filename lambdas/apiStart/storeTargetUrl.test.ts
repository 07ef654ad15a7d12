import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SecretsManagerStub,
  startSecretsManagerStub,
} from '../../tests/support/cloud/startSecretsManagerStub.ts';
import { deleteTargetUrlSecret } from '../finalize/deleteTargetUrlSecret.ts';
import { runIdTagKey, storeTargetUrl } from './storeTargetUrl.ts';

/** The life of a run's URL secret, against the Secrets Manager stub: the API stores it, finalize deletes it. */
describe('storeTargetUrl and deleteTargetUrlSecret', () => {
  const runSecretPrefix = 'chaineval/targets/runs/';
  const runId = '20261130T101500Z-1a2b3c4d';
  const targetUrl = 'https://rpc.example.com/v3/tok-abc?apikey=qs-def';
  let stub: SecretsManagerStub;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    stub = await startSecretsManagerStub({});
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

  it('stores the URL under the run, tagged with its id; a repeat finds it; finalize schedules its deletion once', async () => {
    const store = (fresh: boolean) => storeTargetUrl({ client, runSecretPrefix, runId, targetUrl, fresh });
    const name = `${runSecretPrefix}${runId}/target-url`;
    expect(await store(true)).toBe(name);
    expect(stub.secrets.get(name)).toEqual({ value: targetUrl, tags: [{ Key: runIdTagKey, Value: runId }] });
    // A retried request: "already exists" is the run's own secret.
    expect(await store(false)).toBe(name);

    expect(await deleteTargetUrlSecret(client, runSecretPrefix, runId)).toEqual({
      deleted: true,
      secretId: name,
    });
    expect(stub.secrets.get(name)?.deletion).toEqual({ recoveryWindowInDays: 7 });
    // A retried finalize: already scheduled, reported, not thrown.
    const again = await deleteTargetUrlSecret(client, runSecretPrefix, runId);
    expect(again).toMatchObject({
      deleted: false,
      secretId: name,
      reason: expect.stringMatching(/^InvalidRequestException: /),
    });

    // A repeat of the request after the run finished: the name is scheduled for deletion, which is
    // no error for a repeat (StartExecution then answers that the run exists) …
    expect(await store(false)).toBe(name);
    // … but is for a fresh run, which must not start without its URL.
    await expect(store(true)).rejects.toThrow(/scheduled for deletion/);
  });

  it('reports a run without a URL secret (a hand-started run) as not deleted', async () => {
    expect(await deleteTargetUrlSecret(client, runSecretPrefix, '20261130T101500Z-00000000')).toMatchObject({
      deleted: false,
      reason: expect.stringMatching(/^ResourceNotFoundException: /),
    });
  });
});
