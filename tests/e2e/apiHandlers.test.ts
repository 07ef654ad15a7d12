import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '#cli/CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { handler as readHandler } from '../../lambdas/apiRead/handler.ts';
import { handler as startHandler } from '../../lambdas/apiStart/handler.ts';
import { putReportFiles } from '../../lambdas/finalize/putReportFiles.ts';
import { type S3Stub, startS3Stub } from '../support/cloud/startS3Stub.ts';
import {
  type SecretsManagerStub,
  startSecretsManagerStub,
} from '../support/cloud/startSecretsManagerStub.ts';
import { type StepFunctionsStub, startStepFunctionsStub } from '../support/cloud/startStepFunctionsStub.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';

/**
 * The HTTP API's handlers (issue 10, deliverable 2) against DynamoDB Local: reads of a report the
 * CLI stored, and starts whose StartExecution goes through the SDK to a Step Functions stub and whose
 * target URL is stored with CreateSecret through the SDK to a Secrets Manager stub (no local
 * implementation of either API exists; emulated: the services' answers, incl. ExecutionAlreadyExists
 * and ResourceExistsException).
 */
const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Evaluation';
const reportBucketName = 'chaineval-reports-api';

const apiEvent = (
  httpMethod: string,
  resource: string,
  extra: {
    pathParameters?: Record<string, string>;
    queryStringParameters?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string;
  } = {},
) => ({ httpMethod, resource, isBase64Encoded: false, ...extra });

const bodyOf = (answer: { body: string }) => JSON.parse(answer.body) as Record<string, unknown>;

describe('HTTP API handlers against DynamoDB Local', () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  const savedEnv = { ...process.env };
  let dir: string;
  let anvil: RunningAnvil;
  let store: TestStore;
  let sfn: StepFunctionsStub;
  let s3: S3Stub;
  let secrets: SecretsManagerStub;
  let reportId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-api-'));
    anvil = await startAnvil();
    store = await openTestStore(dynamoEndpoint, 'api');
    sfn = await startStepFunctionsStub();
    s3 = await startS3Stub();
    secrets = await startSecretsManagerStub({});
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      CHAINEVAL_RUN_SECRET_PREFIX: 'chaineval/targets/runs/',
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      CHAINEVAL_REPORT_BUCKET: reportBucketName,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'ASIALOCALEXECUTIONROLE',
      AWS_SECRET_ACCESS_KEY: 'local-secret-access-key',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      CHAINEVAL_TABLE_NAME: store.tableName,
      CHAINEVAL_STATE_MACHINE_ARN: stateMachineArn,
      CHAINEVAL_LOAD_MAX_CONCURRENCY: '10',
      CHAINEVAL_LOAD_SHARD_TIMEOUT_S: '900',
    });
    // A real report in the table: the CLI's quick run against anvil.
    const keyFile = join(dir, 'funded.key');
    await writeFile(keyFile, `${anvilDevPrivateKey}\n`);
    const lines: string[] = [];
    const io: CliIo = {
      out: (t) => lines.push(t),
      progress: () => {},
      error: (t) => lines.push(t),
      color: false,
    };
    const code = await main(
      [
        'evaluate',
        '--profile',
        'quick',
        '--target',
        anvil.url,
        '--private-key-file',
        keyFile,
        '--dynamodb-endpoint',
        dynamoEndpoint,
        '--table',
        store.tableName,
        '--out',
        join(dir, 'out'),
      ],
      io,
    );
    expect(code, lines.join('\n')).toBe(0);
    reportId = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(lines.join('\n'))?.[1] ?? '';
  }, 180_000);

  afterAll(async () => {
    process.env = savedEnv;
    await Promise.allSettled([anvil?.stop(), store?.close(), sfn?.close(), s3?.close(), secrets?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const request = {
    profile: 'quick',
    targetUrl: 'https://rpc.example.com',
    keySecretId: 'chaineval/targets/example',
  };

  it('POST /evaluations starts one run per idempotency key', async () => {
    const headers = { 'Idempotency-Key': 'retry-test-0001', 'content-type': 'application/json' };
    const first = await startHandler(
      apiEvent('POST', '/evaluations', { headers, body: JSON.stringify(request) }),
    );
    expect(first.statusCode, first.body).toBe(202);
    const { runId } = bodyOf(first);
    expect(bodyOf(first)).toEqual({ runId, statusPath: `/evaluations/${runId}`, started: true });
    // The execution input names the run's URL secret; the URL itself is in the secret, not the input.
    const { targetUrl, ...reference } = request;
    const targetUrlSecretId = `chaineval/targets/runs/${runId}/target-url`;
    expect(sfn.calls.at(-1)).toMatchObject({
      stateMachineArn,
      name: runId,
      input: {
        ...reference,
        runId,
        targetUrlSecretId,
        parameters: {},
        skip: [],
        loadShards: 1,
        attestations: [],
      },
      authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=ASIALOCALEXECUTIONROLE\//),
    });
    expect(JSON.stringify(sfn.calls.at(-1)?.input)).not.toContain(targetUrl);
    expect(secrets.secrets.get(targetUrlSecretId)).toEqual({
      value: targetUrl,
      tags: [{ Key: 'chaineval:runId', Value: runId }],
    });
    const creates = secrets.requests.filter((r) => r.target === 'secretsmanager.CreateSecret');
    expect(creates).toHaveLength(1);
    expect(String(creates[0]?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIALOCALEXECUTIONROLE\//,
    );

    // The client's retry: same key, same body → the same run, not a second one.
    const retry = await startHandler(
      apiEvent('POST', '/evaluations', { headers, body: JSON.stringify(request) }),
    );
    expect(retry.statusCode, retry.body).toBe(200);
    expect(bodyOf(retry)).toEqual({ runId, statusPath: `/evaluations/${runId}`, started: false });
    expect(new Set(sfn.calls.map((c) => c.name)).size).toBe(sfn.calls.length - 1);
    // Its secret was found in place ("already exists"), not made twice.
    expect(secrets.requests.filter((r) => r.target === 'secretsmanager.CreateSecret')).toHaveLength(2);
    expect([...secrets.secrets.keys()]).toEqual([targetUrlSecretId]);

    // The key reused for another request is the client's mistake.
    const reused = await startHandler(
      apiEvent('POST', '/evaluations', {
        headers,
        body: JSON.stringify({ ...request, targetUrl: 'https://other.example.com' }),
      }),
    );
    expect(reused.statusCode).toBe(409);
    expect(bodyOf(reused).error).toMatch(/^Idempotency-Key was already used for a different request \(run /);
  });

  it.each([
    [{}, JSON.stringify(request), /^invalid request: the Idempotency-Key header is required/],
    [{ 'idempotency-key': 'k' }, JSON.stringify(request), /Idempotency-Key must be 8–128/],
    [{ 'idempotency-key': 'bad-body-0001' }, '{', /^the request body must be JSON/],
    [
      { 'idempotency-key': 'bad-body-0002' },
      JSON.stringify({ ...request, profile: 'jrt-0193-2021' }),
      /^unknown profile "jrt-0193-2021"; known profiles: /,
    ],
    [
      { 'idempotency-key': 'bad-body-0003' },
      JSON.stringify({ ...request, targetUrl: 'ftp://x' }),
      /^invalid evaluation request: targetUrl: the target URL must be an http\(s\) URL$/,
    ],
    [
      { 'idempotency-key': 'bad-body-0004' },
      JSON.stringify({ ...request, keySecret: 'x' }),
      /^invalid evaluation request: .*keySecret/,
    ],
    [
      { 'idempotency-key': 'bad-body-0005' },
      JSON.stringify({ ...request, parameters: { loadRateTps: 5 } }),
      /unknown parameter "loadRateTps" for profile quick/,
    ],
    [
      { 'idempotency-key': 'bad-body-0006' },
      JSON.stringify({
        ...request,
        profile: 'jrt-0193-2020',
        skip: ['property'],
        parameters: { loadDurationS: 3600 },
      }),
      /exceeds the load-shard Lambda timeout of 900 s$/,
    ],
  ])('POST /evaluations refuses bad input with one line (%o)', async (headers, body, message) => {
    const calls = sfn.calls.length;
    const secretCalls = secrets.requests.length;
    const answer = await startHandler(apiEvent('POST', '/evaluations', { headers, body }));
    expect(answer.statusCode, answer.body).toBe(400);
    expect(bodyOf(answer).error).toMatch(message);
    expect(String(bodyOf(answer).error)).not.toContain('\n');
    expect(sfn.calls.length).toBe(calls);
    // Refused before its URL was stored.
    expect(secrets.requests.length).toBe(secretCalls);
  });

  it('GET /evaluations/{id} tells status and progress of a stored run', async () => {
    const answer = await readHandler(
      apiEvent('GET', '/evaluations/{id}', { pathParameters: { id: reportId } }),
    );
    expect(answer.statusCode, answer.body).toBe(200);
    expect(bodyOf(answer)).toMatchObject({
      runId: reportId,
      status: 'complete',
      profile: expect.stringMatching(/^quick@/),
      endpoint: anvil.url,
      progress: { checksDone: expect.any(Number), checksPlanned: expect.any(Number) },
      reportPath: `/reports/${reportId}`,
    });
    // A finished run has a verdict for every planned check (the profile's size, not a fixed count).
    const { progress } = bodyOf(answer) as { progress: { checksDone: number; checksPlanned: number } };
    const report = await store.store.getReport(reportId);
    expect(progress.checksPlanned).toBeGreaterThan(0);
    expect(progress.checksDone).toBe(progress.checksPlanned);
    expect(progress.checksPlanned).toBe(report?.results.length);
    const missing = await readHandler(
      apiEvent('GET', '/evaluations/{id}', { pathParameters: { id: '20200101T000000Z-00000000' } }),
    );
    expect(missing.statusCode).toBe(404);
    const bad = await readHandler(apiEvent('GET', '/evaluations/{id}', { pathParameters: { id: '../etc' } }));
    expect(bad.statusCode).toBe(400);
    expect(bodyOf(bad).error).toMatch(/^invalid path: id: /);
  });

  it('GET /reports lists reports newest first, by target and by time', async () => {
    const all = await readHandler(apiEvent('GET', '/reports'));
    expect(all.statusCode, all.body).toBe(200);
    expect((bodyOf(all).reports as { reportId: string }[]).map((r) => r.reportId)).toContain(reportId);
    const byTarget = await readHandler(
      apiEvent('GET', '/reports', { queryStringParameters: { target: anvil.url } }),
    );
    expect((bodyOf(byTarget).reports as { reportId: string }[]).map((r) => r.reportId)).toEqual([reportId]);
    const otherTarget = await readHandler(
      apiEvent('GET', '/reports', { queryStringParameters: { target: 'https://elsewhere.example' } }),
    );
    expect(bodyOf(otherTarget).reports).toEqual([]);
    const future = await readHandler(
      apiEvent('GET', '/reports', { queryStringParameters: { since: '2999-01-01T00:00:00Z' } }),
    );
    expect(bodyOf(future).reports).toEqual([]);
    const badLimit = await readHandler(
      apiEvent('GET', '/reports', { queryStringParameters: { limit: '0' } }),
    );
    expect(badLimit.statusCode).toBe(400);
    expect(bodyOf(badLimit).error).toMatch(/^invalid query: limit: /);
  });

  it("links a finished run's report files in the bucket, once they are there, with 15-minute presigned GETs", async () => {
    // The CLI stored this report: no files in the bucket, so none are linked.
    const before = await readHandler(
      apiEvent('GET', '/evaluations/{id}', { pathParameters: { id: reportId } }),
    );
    expect(bodyOf(before).reportFiles).toEqual([]);
    const plain = await readHandler(apiEvent('GET', '/reports/{id}', { pathParameters: { id: reportId } }));
    expect(plain.headers?.link).toBeUndefined();

    // finalize's own writer puts them (through the SDK, to the S3 stub).
    const report = ReportSchema.parse(await store.store.getReport(reportId));
    await putReportFiles(report, '{"payloadType":"application/vnd.in-toto+json"}', {
      s3: new S3Client({ region: 'us-east-1' }),
      bucketName: reportBucketName,
    });
    const after = await readHandler(
      apiEvent('GET', '/evaluations/{id}', { pathParameters: { id: reportId } }),
    );
    expect(after.statusCode, after.body).toBe(200);
    const files = bodyOf(after).reportFiles as {
      name: string;
      bucket: string;
      key: string;
      url: string;
      urlExpiresAt: string;
    }[];
    expect(files.map((f) => [f.name, f.bucket, f.key])).toEqual([
      ['report.json', reportBucketName, `reports/${reportId}/report.json`],
      ['report.html', reportBucketName, `reports/${reportId}/report.html`],
      ['report.dsse.json', reportBucketName, `reports/${reportId}/report.dsse.json`],
    ]);
    for (const f of files) {
      const url = new URL(f.url);
      expect(url.pathname).toBe(`/${reportBucketName}/${f.key}`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(
        /^ASIALOCALEXECUTIONROLE\/\d{8}\/us-east-1\/s3\/aws4_request$/,
      );
      expect(Date.parse(f.urlExpiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
    }
    const html = files.find((f) => f.name === 'report.html');
    const page = await fetch(html?.url ?? '');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(reportId);

    // GET /reports/{id}: the body is still the report itself; its page is a Link (RFC 8288).
    const linked = await readHandler(apiEvent('GET', '/reports/{id}', { pathParameters: { id: reportId } }));
    expect(ReportSchema.parse(JSON.parse(linked.body)).reportId).toBe(reportId);
    expect(linked.headers?.link).toMatch(
      new RegExp(
        `^<http://127\\.0\\.0\\.1:\\d+/${reportBucketName}/reports/${reportId}/report\\.html\\?[^>]+>; rel="alternate"; type="text/html"$`,
      ),
    );
  });

  it('GET /reports/{id} answers the JSON report', async () => {
    const answer = await readHandler(apiEvent('GET', '/reports/{id}', { pathParameters: { id: reportId } }));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['content-type']).toMatch(/^application\/json/);
    const report = ReportSchema.parse(JSON.parse(answer.body));
    expect(report.reportId).toBe(reportId);
    const missing = await readHandler(
      apiEvent('GET', '/reports/{id}', { pathParameters: { id: '20200101T000000Z-00000000' } }),
    );
    expect(missing.statusCode).toBe(404);
  });
});
