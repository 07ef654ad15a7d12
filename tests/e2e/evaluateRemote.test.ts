import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { asSealStore } from '#reports/store/asSealStore.ts';
import { handler as readHandler } from '../../lambdas/apiRead/handler.ts';
import { handler as startHandler } from '../../lambdas/apiStart/handler.ts';
import { type LocalExecution, runLocalExecution } from '../support/cloud/runLocalExecution.ts';
import {
  type ApiGatewayEmulator,
  type EmulatedPrincipal,
  startApiGatewayEmulator,
} from '../support/cloud/startApiGatewayEmulator.ts';
import { type KmsStub, startKmsStub } from '../support/cloud/startKmsStub.ts';
import { type S3Stub, startS3Stub } from '../support/cloud/startS3Stub.ts';
import {
  type SecretsManagerStub,
  startSecretsManagerStub,
} from '../support/cloud/startSecretsManagerStub.ts';
import { type StepFunctionsStub, startStepFunctionsStub } from '../support/cloud/startStepFunctionsStub.ts';
import { type SynthesizedApp, synthesizeCloudApp } from '../support/cloud/synthesizeCloudApp.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';

/**
 * `chaineval evaluate --remote` (issue 10, deliverable 3), the real CLI binary in its own process
 * against the real API handlers, end to end: its signed POST /evaluations, the handler's validation
 * and idempotency claim in DynamoDB Local, StartExecution through the SDK, the synthesized state
 * machine executed on its real bundles against anvil (runLocalExecution, as cloudRun.test.ts), the
 * CLI following GET /evaluations/{id} until the report is stored, then GET /reports/{id} and the
 * presigned link to report.html in the bucket.
 *
 * Emulated, because nothing local implements them: API Gateway (startApiGatewayEmulator: its IAM
 * authorization, i.e. SigV4 verification with the SDK's signer and the starter/reader policies, its
 * request validator and the Lambda proxy integration), Step Functions (the StartExecution stub hands
 * the input to the local execution, as the service would start it), Secrets Manager, KMS and S3
 * (HTTP stubs answering the SDK's signed requests). The API handlers run in this process with the
 * function's variables; the CLI signs with its own principal's credentials from its environment.
 */
const cliBin = fileURLToPath(new URL('../../cli/bin/chaineval.js', import.meta.url));
const region = 'us-east-1';
const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Evaluation';
const keySecretId = 'chaineval/targets/local-anvil';
const reportSigningKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/0b5e7c1e-5ea1-4e00-8000-000000000002';
const reportBucketName = 'chaineval-reports-remote';
const starter: EmulatedPrincipal = {
  accessKeyId: 'AKIAEMULATEDSTARTER1',
  secretAccessKey: 'starter-secret-access-key-000000000000000',
  arn: 'arn:aws:iam::123456789012:user/release-pipeline',
  policy: 'starter',
};
const reader: EmulatedPrincipal = {
  accessKeyId: 'AKIAEMULATEDREADER01',
  secretAccessKey: 'reader-secret-access-key-0000000000000000',
  arn: 'arn:aws:iam::123456789012:user/auditor',
  policy: 'reader',
};

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI binary with only the credentials given (no shared config, no instance metadata). */
function runCli(
  argv: readonly string[],
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined,
  timeoutMs = 240_000,
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    AWS_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/chaineval-test/credentials',
    AWS_CONFIG_FILE: '/nonexistent/chaineval-test/config',
    ...(credentials === undefined
      ? {}
      : { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey }),
  };
  const child = spawn(process.execPath, [cliBin, 'evaluate', ...argv], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('chaineval evaluate --remote against the API handlers, served locally', () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  const savedEnv = { ...process.env };
  let dir: string;
  let app: SynthesizedApp;
  let chain: RunningAnvil;
  let store: TestStore;
  let secrets: SecretsManagerStub;
  let kms: KmsStub;
  let s3: S3Stub;
  let sfn: StepFunctionsStub;
  let api: ApiGatewayEmulator;
  const executions: Promise<LocalExecution>[] = [];
  /** Where the next execution's functions reach KMS (a test may make it unreachable). */
  let kmsEndpointOfNextRun: string | undefined;
  let remoteArgs: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-remote-'));
    app = await synthesizeCloudApp(join(dir, 'cdk.out'), { 'chaineval:allowedTargetHosts': '127.0.0.1' });
    chain = await startAnvil();
    store = await openTestStore(dynamoEndpoint, 'remote');
    secrets = await startSecretsManagerStub({ [keySecretId]: anvilDevPrivateKey });
    kms = await startKmsStub(reportSigningKeyArn);
    s3 = await startS3Stub();
    sfn = await startStepFunctionsStub({
      onStart: (call) => {
        executions.push(
          runLocalExecution(
            app,
            {
              tableName: store.tableName,
              dynamoEndpoint,
              secretsManagerEndpoint: secrets.endpoint,
              kmsEndpoint: kmsEndpointOfNextRun ?? kms.endpoint,
              reportSigningKeyArn,
              s3Endpoint: s3.endpoint,
              reportBucketName,
            },
            call.input as Record<string, unknown>,
          ),
        );
      },
    });
    // The API functions' environment (the stack's variables) and execution role, in this process.
    Object.assign(process.env, {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'ASIALOCALEXECUTIONROLE',
      AWS_SECRET_ACCESS_KEY: 'local-secret-access-key',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // The start function stores each run's target URL here (CreateSecret), where the steps read it.
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      CHAINEVAL_RUN_SECRET_PREFIX: 'chaineval/targets/runs/',
      CHAINEVAL_TABLE_NAME: store.tableName,
      CHAINEVAL_STATE_MACHINE_ARN: stateMachineArn,
      CHAINEVAL_LOAD_MAX_CONCURRENCY: '10',
      CHAINEVAL_LOAD_SHARD_TIMEOUT_S: '900',
      CHAINEVAL_REPORT_BUCKET: reportBucketName,
    });
    api = await startApiGatewayEmulator({ region, principals: [starter, reader], startHandler, readHandler });
    remoteArgs = [
      '--remote',
      api.url,
      '--target',
      chain.url,
      '--key-secret-id',
      keySecretId,
      '--profile',
      'quick',
      '--param',
      'propertySeed=20261130',
      // The runs share one anvil, which one of PROP-07's known crashers would stop (docs/adr/0009).
      '--param',
      'rpcFuzzKnownCrashers=false',
      '--poll-interval',
      '1',
    ];
  }, 300_000);

  afterAll(async () => {
    process.env = savedEnv;
    await Promise.allSettled(executions);
    await Promise.allSettled([
      chain?.stop(),
      store?.close(),
      secrets?.close(),
      kms?.close(),
      s3?.close(),
      sfn?.close(),
      api?.close(),
    ]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('submits a signed run, prints its progress, its verdict and the link to its HTML; a retry with the key starts no second run', async () => {
    const run = await runCli(remoteArgs, starter);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const key = /idempotency key (chaineval-[0-9a-f-]{36})/.exec(run.stderr)?.[1];
    expect(key, run.stderr).toBeDefined();
    const runId = /run (\d{8}T\d{6}Z-[0-9a-f]{8}) started on /.exec(run.stderr)?.[1] ?? '';
    expect(runId, run.stderr).not.toBe('');
    // Progress while it ran, then finished.
    expect(run.stderr).toMatch(new RegExp(`run ${runId}: running, \\d+ of \\d+ checks done`));
    expect(run.stderr).toMatch(new RegExp(`run ${runId}: complete, (\\d+) of \\1 checks done`));

    // The verdict printed is the stored report's; the link opens its HTML page in the bucket.
    const report = ReportSchema.parse(await store.store.getReport(runId));
    expect(report.run.status).toBe('complete');
    expect(run.stdout).toContain(report.overall.verdict);
    const link = new RegExp(
      `report ${runId}: (http://127\\.0\\.0\\.1:\\d+/${reportBucketName}/reports/${runId}/report\\.html\\?\\S+)`,
    ).exec(run.stdout)?.[1];
    expect(link, run.stdout).toBeDefined();
    expect(new URL(link ?? '').searchParams.get('X-Amz-Expires')).toBe('900');
    const page = await fetch(link ?? '');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(runId);
    expect(run.stdout).toContain(`s3://${reportBucketName}/reports/${runId}/report.dsse.json`);

    // Every request was signed by the starter principal and verified; GET /evaluations/{id} may be
    // a 404 until the plan step has stored the run.
    const calls = api.requests.filter((r) => r.path.includes(runId) || r.method === 'POST');
    expect(calls.map((c) => `${c.method} ${c.path.replace(runId, '{id}')}`)).toEqual(
      expect.arrayContaining(['POST /v1/evaluations', 'GET /v1/evaluations/{id}', 'GET /v1/reports/{id}']),
    );
    for (const r of calls) {
      expect(r.principal).toBe(starter.arn);
      const allowed =
        r.method === 'POST' ? [202] : r.path.startsWith('/v1/evaluations/') ? [200, 404] : [200];
      expect(allowed, `${r.method} ${r.path}`).toContain(r.status);
    }

    // The same submission again, with its key: the same run, followed to the same verdict, not a second run.
    const starts = executions.length;
    const again = await runCli([...remoteArgs, '--idempotency-key', key ?? ''], starter);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`run ${runId} was already submitted with this key; following it`);
    expect(again.stdout).toContain(`report ${runId}: `);
    expect(executions.length).toBe(starts);
    expect(sfn.calls.filter((c) => c.name === runId)).toHaveLength(2);
    // Both starts named the run's URL secret, never the URL; finalize had scheduled that secret's
    // deletion before the retry, which the start function took as the finished run it is.
    for (const c of sfn.calls.filter((c) => c.name === runId)) {
      expect(c.input).toMatchObject({ targetUrlSecretId: `chaineval/targets/runs/${runId}/target-url` });
      expect(JSON.stringify(c.input)).not.toContain(chain.url);
    }
    expect(secrets.secrets.get(`chaineval/targets/runs/${runId}/target-url`)).toMatchObject({
      value: chain.url,
      deletion: { recoveryWindowInDays: 7 },
    });
  }, 600_000);

  it('keeps the run when the report cannot be sealed: stored, marked unsealed with the reason, exit 2', async () => {
    // KMS unreachable from finalize (a closed port): sealing fails after the report is stored.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    kmsEndpointOfNextRun = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    try {
      const run = await runCli([...remoteArgs, '--skip', 'property'], starter);
      const runId = /run (\d{8}T\d{6}Z-[0-9a-f]{8}) started on /.exec(run.stderr)?.[1] ?? '';
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(2);
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(
        new RegExp(
          `^chaineval: report ${runId} is stored but not sealed, and its files are not in the report bucket: .+`,
        ),
      );
      // The execution ended as the run did, not as a failure; the report is stored, unsealed, with its verdict printed.
      const execution = await executions.at(-1);
      expect(execution?.status, execution?.cause).toBe('SUCCEEDED');
      expect(execution?.output).toMatchObject({ runId, status: 'complete', published: false });
      const report = ReportSchema.parse(await store.store.getReport(runId));
      expect(run.stdout).toContain(report.overall.verdict);
      expect(await asSealStore(store.store).getSeal(runId)).toBeNull();
      expect(s3.puts.filter((p) => p.key.includes(runId))).toEqual([]);
    } finally {
      kmsEndpointOfNextRun = undefined;
    }
  }, 300_000);

  it('is refused by the API when a request is unsigned or signed wrongly, and starts nothing', async () => {
    const starts = sfn.calls.length;
    const body = JSON.stringify({ profile: 'quick', targetUrl: chain.url, keySecretId });
    const unsigned = await fetch(`${api.url}/evaluations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'unsigned-0001' },
      body,
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: 'Missing Authentication Token' });

    const wrongSecret = await runCli(remoteArgs, { ...starter, secretAccessKey: 'not-the-starter-secret' });
    expect(wrongSecret.code).toBe(1);
    expect(wrongSecret.stderr.trim().split('\n').at(-1)).toMatch(
      /^chaineval: the API refused POST \/evaluations \(403: The request signature we calculated does not match the signature you provided\..*StarterPolicyArn$/,
    );
    const unknownKey = await runCli(remoteArgs, { ...starter, accessKeyId: 'AKIAUNKNOWNPRINCIPAL' });
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toContain('(403: The security token included in the request is invalid.)');
    // A reader may follow runs and read reports, not start them.
    const asReader = await runCli(remoteArgs, reader);
    expect(asReader.code).toBe(1);
    expect(asReader.stderr).toContain(
      `(403: User: ${reader.arn} is not authorized to perform: execute-api:Invoke on resource:`,
    );
    expect(sfn.calls.length).toBe(starts);
  }, 120_000);

  it('says in one line what is wrong with credentials, the URL or the flags, and exits 1', async () => {
    const quiet = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>not an API</title>');
    });
    await new Promise<void>((resolve) => quiet.listen(0, '127.0.0.1', resolve));
    const htmlUrl = `http://127.0.0.1:${(quiet.address() as AddressInfo).port}/v1`;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const withRemote = (url: string) => ['--remote', url, ...remoteArgs.slice(2)];
    try {
      const cases: [string[], EmulatedPrincipal | undefined, RegExp][] = [
        [
          remoteArgs,
          undefined,
          /^chaineval: no AWS credentials to sign requests to the API with \(.*\); set AWS_PROFILE/,
        ],
        [
          withRemote(closedUrl),
          starter,
          /^chaineval: cannot reach the API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
        ],
        [
          withRemote(htmlUrl),
          starter,
          /^chaineval: http:\/\/127\.0\.0\.1:\d+\/v1 is not a chaineval API: POST \/evaluations answered 200 with a body that is not JSON/,
        ],
        // A JSON-RPC node given by mistake (anvil: 404 on the API's path).
        [
          withRemote(chain.url),
          starter,
          /is not a chaineval API: POST \/evaluations answered 404 with a body that is not JSON/,
        ],
        [withRemote('http://api.example.org/v1'), starter, /^chaineval: --remote must be an https:\/\/ URL/],
        [
          [...remoteArgs, '--private-key-file', 'k'],
          starter,
          /^chaineval: --private-key-file is for local runs: a --remote run reads the funded key from Secrets Manager; pass --key-secret-id <name>$/,
        ],
        [
          remoteArgs.filter((a, i, all) => a !== '--key-secret-id' && all[i - 1] !== '--key-secret-id'),
          starter,
          /^chaineval: --remote needs --key-secret-id <name>/,
        ],
        [
          [...remoteArgs, '--idempotency-key', 'x'],
          starter,
          /^chaineval: --idempotency-key: Idempotency-Key must be 8–128/,
        ],
        [[...remoteArgs, '--shards', '0'], starter, /^chaineval: --shards: /],
        // Judged by the API with the cloud's planRun: one line, from the handler.
        [
          [...remoteArgs, '--param', 'loadRateTps=5'],
          starter,
          /^chaineval: the API refused POST \/evaluations: unknown parameter "loadRateTps" for profile quick/,
        ],
      ];
      for (const [argv, credentials, message] of cases) {
        const run = await runCli(argv, credentials, 60_000);
        const lines = run.stderr.split('\n').filter((l) => l.startsWith('chaineval: '));
        expect(run.code, `${argv.join(' ')}\n${run.stderr}`).toBe(1);
        expect(lines, run.stderr).toHaveLength(1);
        expect(lines[0], run.stderr).toMatch(message);
      }
    } finally {
      await new Promise<void>((resolve) => quiet.close(() => resolve()));
    }
  }, 240_000);
});
