import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '#cli/CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { type Report, ReportSchema } from '#core/report/ReportSchema.ts';
import { newRunId } from '#core/run/newRunId.ts';
import type { LoadScenarioPlan } from '#core/run/RunPlanSchema.ts';
import type { StoredRun } from '#core/store/ResultStore.ts';
import { cjkFallbackFontFamily } from '#reports/render/pageCss.ts';
import { keyIdOf } from '#reports/seal/keyIdOf.ts';
import { asSealStore } from '#reports/store/asSealStore.ts';
import { storeTargetUrl } from '../../lambdas/apiStart/storeTargetUrl.ts';
import {
  type LocalExecution,
  type LocalServices,
  runLocalExecution,
} from '../support/cloud/runLocalExecution.ts';
import { type KmsStub, startKmsStub } from '../support/cloud/startKmsStub.ts';
import { startRpcPathProxy } from '../support/cloud/startRpcPathProxy.ts';
import { type S3Stub, startS3Stub } from '../support/cloud/startS3Stub.ts';
import {
  type SecretsManagerStub,
  startSecretsManagerStub,
} from '../support/cloud/startSecretsManagerStub.ts';
import { type SynthesizedApp, synthesizeCloudApp } from '../support/cloud/synthesizeCloudApp.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';

/**
 * The cloud runtime, run locally end to end (issue 10, deliverable 1): `cdk synth` of the real app,
 * its state machine definition executed by aws-local-stepfunctions, every Task running the esbuild
 * bundle cdk put in the cloud assembly (in its own Node process, with the function's environment
 * from the template), against an anvil and the e2e project's DynamoDB Local. The verdicts must be
 * those of the CLI running the same plan (same profile, parameters and seed) on another fresh anvil.
 *
 * The target URL is stored first as the run's own secret with the API's storeTargetUrl (CreateSecret
 * through the SDK), and the execution input names that secret, as the API's start function does.
 *
 * Emulated, because nothing local implements them (toolchain.md): Step Functions (the emulator; its
 * `run()` stands in for StartExecution), the Lambda service's invoke envelope and timeouts, Secrets
 * Manager (an HTTP stub answering GetSecretValue, CreateSecret and DeleteSecret), KMS (an HTTP stub answering GetPublicKey and Sign
 * with a P-256 key made for the test) and S3 (an HTTP stub accepting PutObject). For each, the
 * handler and the bundled SDK's signed request are real up to the stub.
 */

/** The quick profile (every conformance check + one short property history) with a fixed seed, so both runs make the same plan. */
const profile = 'quick';
const parameters = { propertySeed: 20261130 };
const keySecretId = 'chaineval/targets/local-anvil';
/** The stack's default target secret prefix + `runs/` (ChainevalStack: the API's URL secrets). */
const runSecretPrefix = 'chaineval/targets/runs/';
const urlSecretIdOf = (runId: string) => `${runSecretPrefix}${runId}/target-url`;
/** The report signing key as the stack's `ReportSigningKey` would be deployed (its ARN, the KMS stub's key). */
const reportSigningKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/0b5e7c1e-5ea1-4e00-8000-000000000001';
const reportBucketName = 'chaineval-reports-local';

/**
 * The default profile's load scenarios (constant-rate transfers, the read workload, the capacity
 * search), each a couple of seconds at a low rate on 2 shards, so a busy two-core machine keeps the
 * generator on schedule: 20 transfers, 40 reads, one 2 s capacity step. The 1 ms latency bound
 * makes the transfer latency check and the capacity search fail on any chain (anvil includes in
 * tens of ms) while throughput and reads pass, so the comparison with the CLI covers both verdicts.
 */
const shortLoad = {
  loadRateTps: 10,
  loadDurationS: 2,
  loadDrainS: 5,
  loadLatencyP95MaxMs: 1,
  loadCapacityStepS: 2,
  loadCapacityMaxSteps: 1,
  queryRateRps: 20,
  queryDurationS: 2,
};
const loadShards = 2;
/**
 * The stack's shard start allowance for this synth (cdk context, ChainevalStackProps): a local
 * "cold start" is a Node process importing its bundle, seconds rather than the 30 s a Lambda in AWS
 * is given; the default would make three scenarios wait 90 s for nothing.
 */
const shardStartAllowanceS = '8';

async function cli(argv: string[]) {
  const lines: string[] = [];
  const io: CliIo = {
    out: (t) => lines.push(t),
    progress: (t) => lines.push(t),
    error: (t) => lines.push(t),
    color: false,
  };
  const code = await main(argv, io);
  return { code, output: lines.join('\n') };
}

const statusByCheck = (report: Report) =>
  Object.fromEntries(report.results.map((r) => [r.checkId, r.status]).sort());
const verdictByClause = (report: Report) =>
  Object.fromEntries(report.clauses.map((c) => [c.clauseId, c.verdict]).sort());

/** The planned load scenarios of a stored run, in the plan's order. */
function loadScenariosOf(run: StoredRun | null): readonly LoadScenarioPlan[] {
  const load = run?.meta.plan.steps.find((s) => s.kind === 'load');
  return load?.kind === 'load' ? load.scenarios : [];
}

/**
 * Every planned shard of every scenario stored its counts, and each scenario's first intended send
 * came after the previous scenario's last send and last inclusion (or last answer): the scenarios
 * ran one after another, none measured under another's traffic.
 */
function expectScenariosRanInOrder(run: StoredRun | null, scenarios: readonly LoadScenarioPlan[]): void {
  let previousEndMs = Number.NEGATIVE_INFINITY;
  for (const scenario of scenarios) {
    const shards = (run?.loadShards ?? []).filter((s) => s.scenario === scenario.name);
    expect(
      shards.map((s) => s.shardIndex).sort((a, b) => a - b),
      scenario.name,
    ).toEqual([...Array(scenario.shardCount).keys()]);
    const firstSendMs = Math.min(...shards.map((s) => s.firstSendAtMs));
    expect(firstSendMs, `${scenario.name} started before the previous scenario ended`).toBeGreaterThan(
      previousEndMs,
    );
    // A capacity search keeps each of its steps; the shard's own figures are those of its first.
    const windows = shards.flatMap((s) => [s, ...(s.steps ?? [])]);
    previousEndMs = Math.max(...windows.map((w) => Math.max(w.lastSendAtMs, w.lastInclusionAtMs)));
  }
}

describe('the cloud state machine, executed locally on its real bundles', () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  let dir: string;
  let app: SynthesizedApp;
  let cloudChain: RunningAnvil;
  let cliChain: RunningAnvil;
  let store: TestStore;
  let secrets: SecretsManagerStub;
  let kms: KmsStub;
  let s3: S3Stub;
  const services = (): LocalServices => ({
    tableName: store.tableName,
    dynamoEndpoint,
    secretsManagerEndpoint: secrets.endpoint,
    kmsEndpoint: kms.endpoint,
    reportSigningKeyArn,
    s3Endpoint: s3.endpoint,
    reportBucketName,
  });

  /**
   * Starts a run as the API does: the target URL into the run's own secret (storeTargetUrl, the API's
   * code, through the SDK to the stub), then the execution with only that secret's name.
   */
  async function runWithUrlSecret(
    input: { runId: string; targetUrl: string } & Record<string, unknown>,
    options?: Parameters<typeof runLocalExecution>[3],
  ): Promise<LocalExecution> {
    const { targetUrl, ...rest } = input;
    const client = new SecretsManagerClient({
      endpoint: secrets.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'ASIALOCALAPISTART', secretAccessKey: 'local-secret-access-key' },
    });
    try {
      const targetUrlSecretId = await storeTargetUrl({
        client,
        runSecretPrefix,
        runId: input.runId,
        targetUrl,
        fresh: true,
      });
      return await runLocalExecution(app, services(), { ...rest, targetUrlSecretId }, options);
    } finally {
      client.destroy();
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-cloud-'));
    // anvil listens on loopback, which the target guard refuses unless the stack allow-lists it.
    app = await synthesizeCloudApp(join(dir, 'cdk.out'), {
      'chaineval:allowedTargetHosts': '127.0.0.1',
      'chaineval:loadShardStartAllowanceS': shardStartAllowanceS,
    });
    cloudChain = await startAnvil();
    cliChain = await startAnvil();
    store = await openTestStore(dynamoEndpoint, 'cloud-run');
    secrets = await startSecretsManagerStub({ [keySecretId]: anvilDevPrivateKey });
    kms = await startKmsStub(reportSigningKeyArn);
    s3 = await startS3Stub();
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled([
      cloudChain?.stop(),
      cliChain?.stop(),
      store?.close(),
      secrets?.close(),
      kms?.close(),
      s3?.close(),
    ]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Finalize sealed the run's report with the KMS key (GetPublicKey, then Sign of the raw DSSE PAE
   * with ECDSA_SHA_256, signed requests of the bundled SDK) and put report.json, report.html and
   * report.dsse.json under reports/<runId>/ in the bucket. Downloaded, they pass `chaineval verify`
   * with the key's public half, which names the key; one changed byte of report.json is refused.
   */
  async function expectSealedArtifacts(runId: string): Promise<void> {
    const prefix = `reports/${runId}/`;
    const files = s3.puts.filter((p) => p.key.startsWith(prefix));
    expect(files.map((f) => [f.bucket, f.key.slice(prefix.length)]).sort()).toEqual(
      [
        [reportBucketName, 'report.dsse.json'],
        [reportBucketName, 'report.html'],
        [reportBucketName, 'report.json'],
      ].sort(),
    );
    for (const f of files)
      expect(String(f.headers.authorization)).toMatch(
        /^AWS4-HMAC-SHA256 Credential=ASIALOCALEXECUTIONROLE\/\d{8}\/us-east-1\/s3\//,
      );
    const signs = kms.requests.filter((r) => r.target === 'TrentService.Sign');
    expect(signs.length).toBeGreaterThan(0);
    for (const r of [...signs, ...kms.requests.filter((q) => q.target === 'TrentService.GetPublicKey')]) {
      expect(r.body?.KeyId).toBe(reportSigningKeyArn);
      expect(String(r.headers.authorization)).toMatch(/\/us-east-1\/kms\/aws4_request/);
    }
    expect(signs.at(-1)?.body).toMatchObject({ MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' });

    const downloaded = join(dir, 'downloaded', runId);
    await mkdir(downloaded, { recursive: true });
    for (const f of files) await writeFile(join(downloaded, f.key.slice(prefix.length)), f.body);
    // The page embeds its CJK fallback font as the CLI's does: the bundle carries the font files and
    // harfbuzz's WebAssembly (HarnessFunction bundleCjkFont), so a reader with no CJK font sees Chinese.
    const html = files.find((f) => f.key.endsWith('report.html'))?.body.toString('utf8') ?? '';
    expect(html).toMatch(
      new RegExp(`@font-face\\{font-family:"${cjkFallbackFontFamily}".*unicode-range:U\\+`),
    );
    const publicKeyFile = join(dir, 'report-signing-key.pub.pem');
    await writeFile(publicKeyFile, kms.publicKeyPem);
    const keyId = keyIdOf(createPublicKey(kms.publicKeyPem).export({ format: 'der', type: 'spki' }));
    const verified = await cli([
      'verify',
      join(downloaded, 'report.dsse.json'),
      '--public-key',
      publicKeyFile,
    ]);
    expect(verified.code, verified.output).toBe(0);
    expect(verified.output).toContain(
      `valid: ${join(downloaded, 'report.json')} is report ${runId} as sealed`,
    );
    expect(verified.output).toContain(`signed by key ${keyId} (ecdsa-p256-sha256, ${publicKeyFile})`);
    // The stored seal is the envelope in the bucket.
    const seal = await asSealStore(store.store).getSeal(runId);
    expect(JSON.parse(seal?.envelope ?? '{}')).toEqual(
      JSON.parse(files.find((f) => f.key.endsWith('report.dsse.json'))?.body.toString('utf8') ?? ''),
    );

    // One changed byte of the report (a check's "pass" becomes "Pass"): refused.
    const reportPath = join(downloaded, 'report.json');
    const text = await readFile(reportPath, 'utf8');
    const at = text.indexOf('"pass"') + 1;
    expect(at).toBeGreaterThan(0);
    const changed = `${text.slice(0, at)}P${text.slice(at + 1)}`;
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    await writeFile(reportPath, changed);
    const refused = await cli([
      'verify',
      join(downloaded, 'report.dsse.json'),
      '--public-key',
      publicKeyFile,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/NOT VALID: /);
  }

  it('stores a complete report with the same verdicts as the CLI run of the same plan', async () => {
    const runId = newRunId();
    const execution: LocalExecution = await runWithUrlSecret({
      runId,
      profile,
      parameters,
      targetUrl: cloudChain.url,
      keySecretId,
    });
    const diagnostics = `${execution.error ?? ''} ${execution.cause ?? ''}\n${execution.logs.slice(-40).join('\n')}`;
    expect(execution.status, diagnostics).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({ runId, status: 'complete' });

    // Every step ran on its own bundle from this synth, on the runtime the template declares.
    expect(execution.invocations.map((i) => i.state).sort()).toEqual(
      ['Conformance', 'Disruptive', 'Finalize', 'Plan', 'Property'].sort(),
    );
    for (const invocation of execution.invocations) {
      expect(invocation.bundlePath.startsWith(join(dir, 'cdk.out', 'asset.'))).toBe(true);
      expect(invocation.runtime).toBe('nodejs22.x');
    }
    // The key and the URL were fetched through the SDK, signed, by name; the key never travelled in a
    // state payload or a log line. Each step process read the URL once (fetchTargetUrl's cache).
    const fetches = secrets.requests.filter((r) => r.target === 'secretsmanager.GetSecretValue');
    const keyFetches = fetches.filter((f) => (f.body as { SecretId?: string }).SecretId === keySecretId);
    const urlFetches = fetches.filter(
      (f) => (f.body as { SecretId?: string }).SecretId === urlSecretIdOf(runId),
    );
    expect(keyFetches.length).toBeGreaterThanOrEqual(3);
    // Once per step process that connects (every invocation but finalize's): fetchTargetUrl caches
    // per container, and finalize never reads it.
    expect(urlFetches).toHaveLength(execution.invocations.filter((i) => i.state !== 'Finalize').length);
    for (const f of [...keyFetches, ...urlFetches]) {
      expect(String(f.headers.authorization)).toMatch(
        /^AWS4-HMAC-SHA256 Credential=ASIALOCALEXECUTIONROLE\//,
      );
    }
    // The run is over: finalize scheduled its URL secret's deletion, with the recovery window.
    expect(secrets.secrets.get(urlSecretIdOf(runId))?.deletion).toEqual({ recoveryWindowInDays: 7 });
    const keyHex = anvilDevPrivateKey.slice(2);
    expect(JSON.stringify(execution.events)).not.toContain(keyHex);
    expect(execution.logs.join('\n')).not.toContain(keyHex);

    const cloudReport = await store.store.getReport(runId);
    expect(cloudReport).not.toBeNull();
    expect(JSON.stringify(cloudReport)).not.toContain(keyHex);
    await expectSealedArtifacts(runId);

    // The CLI, the same plan, a fresh anvil of the same kind.
    const keyFile = join(dir, 'funded.key');
    await writeFile(keyFile, `${anvilDevPrivateKey}\n`);
    const out = join(dir, 'out');
    const run = await cli([
      'evaluate',
      '--profile',
      profile,
      '--param',
      `propertySeed=${parameters.propertySeed}`,
      '--target',
      cliChain.url,
      '--private-key-file',
      keyFile,
      '--dynamodb-endpoint',
      dynamoEndpoint,
      '--table',
      store.tableName,
      '--out',
      out,
    ]);
    expect(run.code, run.output).toBe(0);
    const cliId = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.output)?.[1] ?? '';
    const cliReport = ReportSchema.parse(JSON.parse(await readFile(join(out, cliId, 'report.json'), 'utf8')));

    const cloud = ReportSchema.parse(cloudReport);
    expect(cloud.run.status).toBe('complete');
    expect(cloud.profile).toEqual(cliReport.profile);
    expect(cloud.run.plannedSteps).toEqual(cliReport.run.plannedSteps);
    expect(statusByCheck(cloud)).toEqual(statusByCheck(cliReport));
    expect(verdictByClause(cloud)).toEqual(verdictByClause(cliReport));
    expect(cloud.overall.verdict).toBe(cliReport.overall.verdict);
    expect(cloud.score).toEqual(cliReport.score);
    // Not a vacuous comparison: the quick profile decides checks both ways on anvil.
    const statuses = Object.values(statusByCheck(cloud));
    expect(statuses).toContain('pass');
    expect(statuses).toContain('fail');
  }, 600_000);

  it("runs the default profile's load scenarios one after another, each on its own start, with the CLI's load verdicts", async () => {
    const cloudLoadChain = await startAnvil();
    const cliLoadChain = await startAnvil();
    try {
      const runId = newRunId();
      const execution = await runWithUrlSecret({
        runId,
        profile: 'jrt-0193-2020',
        parameters: shortLoad,
        skip: ['property'],
        loadShards,
        targetUrl: cloudLoadChain.url,
        keySecretId,
      });
      const diagnostics = `${execution.error ?? ''} ${execution.cause ?? ''}\n${execution.logs.slice(-40).join('\n')}`;
      expect(execution.status, diagnostics).toBe('SUCCEEDED');
      expect(execution.output).toMatchObject({ runId, status: 'complete' });

      const cloudRun = await store.store.getRun(runId);
      const scenarios = loadScenariosOf(cloudRun);
      // The default profile plans several scenarios: the case the cloud runtime used to refuse.
      expect(scenarios.length).toBeGreaterThanOrEqual(2);

      // One Map per scenario, in the plan's order: every shard of a scenario is invoked before any
      // of the next, all from the one start its LoadStart took, and each scenario's start is later.
      const shardEvents = execution.invocations
        .filter((i) => i.state === 'LoadShard')
        .map((i) => i.event as { scenario: string; shardIndex: number; loadStartedAt: string });
      expect(shardEvents.map((e) => e.scenario)).toEqual(
        scenarios.flatMap((s) => Array.from({ length: s.shardCount }, () => s.name)),
      );
      const starts = scenarios.map((s) => {
        const own = shardEvents.filter((e) => e.scenario === s.name);
        expect(own.map((e) => e.shardIndex).sort((a, b) => a - b)).toEqual([...Array(s.shardCount).keys()]);
        expect(new Set(own.map((e) => e.loadStartedAt)).size).toBe(1);
        return Date.parse(own[0]?.loadStartedAt ?? '');
      });
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(new Set(starts).size).toBe(starts.length);

      // Their stored results: every shard of every scenario, and no scenario's sends overlapping
      // another's: each began after the previous scenario's last send and last inclusion.
      expectScenariosRanInOrder(cloudRun, scenarios);

      // The CLI, the same plan (profile, parameters, skip, shards), a fresh anvil of the same kind.
      const keyFile = join(dir, 'funded-load.key');
      await writeFile(keyFile, `${anvilDevPrivateKey}\n`);
      const out = join(dir, 'out-load');
      const run = await cli([
        'evaluate',
        '--profile',
        'jrt-0193-2020',
        '--skip',
        'property',
        '--shards',
        String(loadShards),
        ...Object.entries(shortLoad).flatMap(([name, value]) => ['--param', `${name}=${value}`]),
        '--target',
        cliLoadChain.url,
        '--private-key-file',
        keyFile,
        '--dynamodb-endpoint',
        dynamoEndpoint,
        '--table',
        store.tableName,
        '--out',
        out,
      ]);
      expect(run.code, run.output).toBe(0);
      const cliId = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.output)?.[1] ?? '';
      const cliReport = ReportSchema.parse(
        JSON.parse(await readFile(join(out, cliId, 'report.json'), 'utf8')),
      );
      const cliRun = await store.store.getRun(cliId);
      expect(loadScenariosOf(cliRun).map((s) => [s.name, s.shardCount, s.checkIds])).toEqual(
        scenarios.map((s) => [s.name, s.shardCount, s.checkIds]),
      );
      expectScenariosRanInOrder(cliRun, scenarios);

      const cloud = ReportSchema.parse(await store.store.getReport(runId));
      expect(cloud.run.status).toBe('complete');
      expect(cloud.run.plannedSteps).toEqual(cliReport.run.plannedSteps);
      expect(cloud.parameters).toEqual(cliReport.parameters);
      const loadCheckIds = scenarios.flatMap((s) => s.checkIds).sort();
      const loadStatuses = (report: Report) =>
        Object.fromEntries(
          report.results.filter((r) => r.kind === 'load').map((r) => [r.checkId, r.status] as const),
        );
      const cloudLoad = loadStatuses(cloud);
      const cliLoad = loadStatuses(cliReport);
      // Every load check judged in both runs, on the same check ids.
      expect(Object.keys(cloudLoad).sort()).toEqual(loadCheckIds);
      expect(Object.keys(cliLoad).sort()).toEqual(loadCheckIds);
      // A load verdict may honestly be inconclusive (error) in one run and not the other: on a busy
      // two-core machine the generator itself can fall behind its schedule (a late send, a shard
      // process ready after the common start), and the harness then says so rather than judge the
      // chain. What must never happen is a pass in one runtime and a fail in the other, so every
      // check both runs decided is compared, and at least one must have been decided by both.
      const decided = loadCheckIds.filter((id) => cloudLoad[id] !== 'error' && cliLoad[id] !== 'error');
      expect(decided.length, JSON.stringify({ cloudLoad, cliLoad })).toBeGreaterThan(0);
      for (const id of decided) expect(cloudLoad[id], id).toBe(cliLoad[id]);
      // Not a vacuous comparison: with a 1 ms latency bound the latency check and the capacity
      // search fail on any chain, and the read workload passes.
      expect(new Set(decided.map((id) => cloudLoad[id]))).toEqual(new Set(['pass', 'fail']));
    } finally {
      await Promise.allSettled([cloudLoadChain.stop(), cliLoadChain.stop()]);
    }
  }, 300_000);

  it('finalizes the run as incomplete, with the reason, when the target dies after planning', async () => {
    const doomed = await startAnvil();
    let stopping: Promise<void> | undefined;
    const runId = newRunId();
    const signsBefore = kms.requests.filter((r) => r.target === 'TrentService.Sign').length;
    const execution = await runWithUrlSecret(
      { runId, profile, parameters, targetUrl: doomed.url, keySecretId },
      {
        // Finalize runs again after it succeeded (a Retry after a lost answer): it must not seal twice.
        invokeTwice: 'Finalize',
        // The chain goes away once the plan is stored and funded, before either suite connects.
        beforeInvoke: async (state) => {
          if (state !== 'Conformance' && state !== 'Property') return;
          stopping ??= doomed.stop();
          await stopping;
        },
      },
    );
    expect(execution.status, execution.logs.slice(-20).join('\n')).toBe('FAILED');
    expect(execution.error).toBe('RunIncomplete');
    expect(execution.cause).toMatch(/^TargetUnreachableError: /);
    expect(execution.events.some((e) => e.type === 'StateCaught')).toBe(true);
    expect(execution.invocations.map((i) => i.state)).toContain('Finalize');

    const report = ReportSchema.parse(await store.store.getReport(runId));
    expect(report.run.status).toBe('incomplete');
    expect(report.run.incompleteReason).toBe(execution.cause);
    expect(report.overall.verdict).toBe('incomplete');

    // The incomplete report is sealed too, once: the second finalize wrote the stored report and
    // envelope again (the same bytes) instead of sealing anew, which the write-once seal store refuses.
    expect(execution.invocations.filter((i) => i.state === 'Finalize')).toHaveLength(2);
    expect(kms.requests.filter((r) => r.target === 'TrentService.Sign').length).toBe(signsBefore + 1);
    const puts = s3.puts.filter((p) => p.key.startsWith(`reports/${runId}/`));
    expect(puts.map((p) => p.key.split('/').at(-1))).toEqual([
      'report.json',
      'report.html',
      'report.dsse.json',
      'report.json',
      'report.html',
      'report.dsse.json',
    ]);
    for (const i of [0, 2]) expect(puts[i + 3]?.body.equals(puts[i]?.body ?? Buffer.alloc(0))).toBe(true);
    expect(JSON.parse(puts[0]?.body.toString('utf8') ?? '{}')).toEqual(report);
  }, 300_000);

  it('refuses a link-local target in the plan step, before its key is read, and ends with that reason', async () => {
    const runId = newRunId();
    const keyReads = () =>
      secrets.requests.filter((r) => (r.body as { SecretId?: string } | undefined)?.SecretId === keySecretId)
        .length;
    const keyReadsBefore = keyReads();
    const execution = await runWithUrlSecret({
      runId,
      profile,
      targetUrl: 'http://169.254.169.254/latest/meta-data',
      keySecretId,
    });
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('RunNotStartedError');
    expect(JSON.parse(execution.cause ?? '{}').errorMessage).toMatch(
      /^run \S+ did not start: TargetNotAllowedError: target host "169\.254\.169\.254" is a link-local \(RFC 3927\) address/,
    );
    expect(execution.invocations.map((i) => i.state)).toEqual(['Plan', 'Finalize']);
    expect(keyReads()).toBe(keyReadsBefore);
    // A run that never started still has its URL secret deleted.
    expect(secrets.secrets.get(urlSecretIdOf(runId))?.deletion).toEqual({ recoveryWindowInDays: 7 });
    expect(await store.store.getRun(runId)).toBeNull();
  }, 300_000);

  it('keeps the target URL and its user info, path token and query out of every state payload, log line, table item and report file', async () => {
    // A hosted-provider style endpoint: its credentials in the user info, the path and the query.
    const user = `user${randomBytes(6).toString('hex')}`;
    const password = `pw${randomBytes(12).toString('hex')}`;
    const pathToken = `tok${randomBytes(16).toString('hex')}`;
    const queryToken = `qs-${randomBytes(8).toString('hex')}`;
    const chain = await startAnvil();
    const proxy = await startRpcPathProxy(chain.url);
    try {
      // The proxy quotes the URL in every JSON-RPC error it relays, as some providers do: without
      // the scrubbing store the token lands in check evidence (seen failing so, deliberately).
      const targetUrl = `http://${user}:${password}@${proxy.origin.slice('http://'.length)}/v3/${pathToken}?apikey=${queryToken}`;
      const runId = newRunId();
      const execution = await runWithUrlSecret({
        runId,
        profile,
        parameters,
        skip: ['property'],
        targetUrl,
        keySecretId,
      });
      const diagnostics = `${execution.error ?? ''} ${execution.cause ?? ''}\n${execution.logs.slice(-40).join('\n')}`;
      expect(execution.status, diagnostics).toBe('SUCCEEDED');
      // Not vacuous: the harness spoke to the target through the URL as given, credentials and all.
      expect(proxy.paths.length).toBeGreaterThan(10);
      expect(new Set(proxy.paths)).toEqual(new Set([`/v3/${pathToken}?apikey=${queryToken}`]));
      expect(new Set(proxy.authorizations)).toEqual(
        new Set([`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`]),
      );

      // Every item of the table (this run's and every other this file stored), read raw.
      const items: unknown[] = [];
      let startKey: ScanCommandOutput['LastEvaluatedKey'];
      for (let page = 0; page < 100; page += 1) {
        const scan: ScanCommandOutput = await store.client.send(
          new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: startKey }),
        );
        items.push(...(scan.Items ?? []));
        startKey = scan.LastEvaluatedKey;
        if (startKey === undefined) break;
      }
      expect(startKey, 'the scan did not finish in 100 pages').toBeUndefined();
      const table = JSON.stringify(items);
      expect(table).toContain(runId);
      const files = s3.puts.filter((p) => p.key.startsWith(`reports/${runId}/`));
      expect(files).toHaveLength(3);
      const logs = execution.logs.join('\n');
      expect(logs).toContain(runId);
      // Every event of the execution: the execution input, each state's input and output, each
      // Task's parameters and result, each failure's cause. The target reference names the secret.
      const payloads = JSON.stringify(execution.events);
      expect(payloads).toContain(urlSecretIdOf(runId));
      expect(execution.events.length).toBeGreaterThan(10);
      // Booleans, so a failure names where a secret leaked without printing it all.
      // (Host and port are not secret: the report names the endpoint without its credentials.)
      for (const secret of [user, password, pathToken, queryToken, targetUrl]) {
        expect(table.includes(secret), 'target URL or its secret in the table').toBe(false);
        for (const f of files)
          expect(f.body.includes(secret), `target URL or its secret in ${f.key}`).toBe(false);
        expect(logs.includes(secret), 'target URL or its secret in the logs').toBe(false);
        expect(payloads.includes(secret), 'target URL or its secret in a state payload').toBe(false);
      }
    } finally {
      await Promise.allSettled([proxy.close(), chain.stop()]);
    }
  }, 300_000);
});
