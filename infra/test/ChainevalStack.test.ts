import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { tableDesign } from '#reports/store/tableDesign.ts';
import { ChainevalStack, type ChainevalStackProps } from '../lib/ChainevalStack.ts';
import { EvaluationStateMachine } from '../lib/constructs/EvaluationStateMachine.ts';
import { HarnessFunction } from '../lib/constructs/HarnessFunction.ts';

/** Bundling skipped (toolchain.md): the template is what is asserted, not the esbuild output. */
function synth(props: ChainevalStackProps = {}): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new ChainevalStack(app, 'Test', props));
}

type Resource = { Type: string; Properties: Record<string, unknown> };

function resourceOf(template: Template, type: string, logicalIdPrefix: string): Resource {
  const found = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(logicalIdPrefix));
  expect(found, `${type} ${logicalIdPrefix}*`).toHaveLength(1);
  return found[0]![1] as Resource;
}

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

function statementsOf(template: Template, functionId: string): Statement[] {
  const policy = resourceOf(template, 'AWS::IAM::Policy', `${functionId}ServiceRoleDefaultPolicy`);
  return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
}

const actionsOf = (statements: Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  [key: string]: unknown;
}

/** The ASL definition with CloudFormation tokens (ARNs) replaced by placeholders. */
function definitionOf(template: Template): { StartAt: string; States: Record<string, AslState> } {
  const machine = resourceOf(template, 'AWS::StepFunctions::StateMachine', 'Evaluation');
  const parts = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
}

const functionIds = ['Plan', 'Conformance', 'Property', 'LoadShard', 'Finalize'] as const;

describe('ChainevalStack', () => {
  it('creates the result table with the local store key design, on demand, PITR, encrypted, protected', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN
    const index = tableDesign.byCreatedAtIndex;
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byCreatedAt',
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: [...tableDesign.reportSummaryAttributes],
            },
          },
        ],
      },
    });
    expect([index.partitionKey, index.sortKey]).toEqual(['gsi1pk', 'gsi1sk']);
  });

  it('creates seven Node 22 ARM64 functions with source maps, the table name and a retained log group', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN: the five run steps and the API's two.
    template.resourceCountIs('AWS::Lambda::Function', 7);
    for (const id of [...functionIds, 'ApiStart', 'ApiRead']) {
      const fn = resourceOf(template, 'AWS::Lambda::Function', id);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            NODE_OPTIONS: '--enable-source-maps',
            CHAINEVAL_TABLE_NAME: { Ref: expect.stringMatching(/^Results/) },
          },
        },
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(new RegExp(`^${id}LogGroup`)) } },
      });
    }
    // Seven functions, the state machine, the API's access log.
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 9);
    expect(resourceOf(template, 'AWS::Lambda::Function', 'LoadShard').Properties).toMatchObject({
      Timeout: 900,
      MemorySize: 1769,
    });
    // Plan (and the API, which refuses what plan would) refuses load a shard could not finish and
    // more shards than the Map runs at once, and gives each shard 30 s to start.
    for (const id of ['Plan', 'ApiStart']) {
      expect(resourceOf(template, 'AWS::Lambda::Function', id).Properties).toMatchObject({
        Environment: {
          Variables: {
            CHAINEVAL_LOAD_SHARD_TIMEOUT_S: '900',
            CHAINEVAL_LOAD_MAX_CONCURRENCY: '10',
            CHAINEVAL_LOAD_SHARD_START_ALLOWANCE_MS: '30000',
          },
        },
      });
    }
  });

  it('passes a chosen shard start allowance to plan and the API', () => {
    // GIVEN / WHEN
    const template = synth({ loadShardStartAllowance: Duration.seconds(90) });
    // THEN
    for (const id of ['Plan', 'ApiStart']) {
      expect(resourceOf(template, 'AWS::Lambda::Function', id).Properties).toMatchObject({
        Environment: { Variables: { CHAINEVAL_LOAD_SHARD_START_ALLOWANCE_MS: '90000' } },
      });
    }
  });

  it('passes the allow-list of private target hosts to the functions that connect to targets', () => {
    // GIVEN / WHEN
    const template = synth({ allowedTargetHosts: ['10.0.0.5', 'RPC.internal.example', '10.1.0.0/16'] });
    // THEN
    for (const id of ['Plan', 'Conformance', 'Property', 'LoadShard']) {
      expect(resourceOf(template, 'AWS::Lambda::Function', id).Properties).toMatchObject({
        Environment: {
          Variables: { CHAINEVAL_ALLOWED_TARGET_HOSTS: '10.0.0.5,rpc.internal.example,10.1.0.0/16' },
        },
      });
    }
  });

  it('defines plan → parallel suites → a loop of load scenarios, each a distributed map of its shards → disruptive checks → finalize, with retries on every task', () => {
    // GIVEN / WHEN
    const { StartAt, States } = definitionOf(synth({ loadMaxConcurrency: 25 }));
    // THEN
    expect(StartAt).toBe('Plan');
    expect(States.Plan).toMatchObject({
      Type: 'Task',
      Next: 'Suites',
      ResultPath: '$.plan',
      ResultSelector: {
        'runId.$': '$.Payload.runId',
        'target.$': '$.Payload.target',
        'loadScenarios.$': '$.Payload.loadScenarios',
      },
    });
    const suites = States.Suites as AslState & { Branches: { StartAt: string }[] };
    expect(suites).toMatchObject({ Type: 'Parallel', Next: 'LoadScenarios', ResultPath: null });
    expect(suites.Branches.map((b) => b.StartAt)).toEqual(['Conformance', 'Property']);
    // The load scenarios one after another, in plan's order: an index counted up to their number.
    expect(States.LoadScenarios).toEqual({
      Type: 'Pass',
      Parameters: { next: 0, 'count.$': 'States.ArrayLength($.plan.loadScenarios)' },
      ResultPath: '$.loadLoop',
      Next: 'LoadScenario?',
    });
    expect(States['LoadScenario?']).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.loadLoop.next', NumericLessThanPath: '$.loadLoop.count', Next: 'LoadStart' }],
      Default: 'Disruptive',
    });
    // The checks that may stop the node, by the property Lambda, once everything else has ended.
    expect(States.Disruptive).toMatchObject({
      Type: 'Task',
      Next: 'RunFinished',
      ResultPath: null,
      Parameters: { Payload: { 'runId.$': '$.plan.runId', 'target.$': '$.plan.target', step: 'disruptive' } },
    });
    // One moment every shard of the scenario starts from (plus the plan's start delay), taken when
    // the scenario's turn comes: no shard runs on its own clock, no scenario on another's.
    expect(States.LoadStart).toEqual({
      Type: 'Pass',
      Parameters: {
        'scenario.$': 'States.ArrayGetItem($.plan.loadScenarios, $.loadLoop.next)',
        'loadStartedAt.$': '$$.State.EnteredTime',
      },
      ResultPath: '$.load',
      Next: 'LoadShards',
    });
    expect(States.LoadShards).toMatchObject({
      Type: 'Map',
      Next: 'LoadScenarioDone',
      ItemsPath: '$.load.scenario.shardIndexes',
      MaxConcurrency: 25,
      ResultPath: null,
      ItemSelector: {
        'runId.$': '$.plan.runId',
        'target.$': '$.plan.target',
        'scenario.$': '$.load.scenario.name',
        'shardIndex.$': '$$.Map.Item.Value',
        'loadStartedAt.$': '$.load.loadStartedAt',
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'LoadShard',
      },
    });
    expect(States.LoadScenarioDone).toEqual({
      Type: 'Pass',
      Parameters: { 'next.$': 'States.MathAdd($.loadLoop.next, 1)', 'count.$': '$.loadLoop.count' },
      ResultPath: '$.loadLoop',
      Next: 'LoadScenario?',
    });
    // Exactly one Map, and it is the Distributed one: no inline Map keeps shard history in this execution.
    expect(Object.values(States).filter((s) => s.Type === 'Map')).toHaveLength(1);
    expect(States.RunFinished).toMatchObject({ Type: 'Pass', Next: 'Finalize' });
    expect(States.Finalize).toMatchObject({ Type: 'Task', Next: 'RunComplete?', OutputPath: '$.Payload' });
    expect(States['RunComplete?']).toMatchObject({
      Type: 'Choice',
      Choices: [{ Variable: '$.status', StringEquals: 'incomplete', Next: 'RunEndedIncomplete' }],
    });
    expect(States.RunEndedIncomplete).toMatchObject({ Type: 'Fail', Error: 'RunIncomplete' });

    const tasks = [
      States.Plan,
      ...(suites.Branches as unknown as { States: Record<string, AslState> }[]).flatMap((b) =>
        Object.values(b.States),
      ),
      ...Object.values(
        (States.LoadShards as unknown as { ItemProcessor: { States: Record<string, AslState> } })
          .ItemProcessor.States,
      ),
      States.Disruptive,
      States.Finalize,
    ];
    expect(tasks).toHaveLength(6);
    for (const task of tasks) {
      const retried = ((task?.Retry ?? []) as { ErrorEquals: string[] }[]).flatMap((r) => r.ErrorEquals);
      expect(retried).toEqual(
        expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException']),
      );
      expect(retried).not.toContain('States.ALL');
    }
  });

  it('catches a failing plan, suite or shard and still finalizes the run with the failure', () => {
    // GIVEN / WHEN
    const { States } = definitionOf(synth());
    // THEN
    const toIncomplete = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RunIncomplete' }];
    expect(States.Plan?.Catch).toEqual(toIncomplete);
    expect(States.Suites?.Catch).toEqual(toIncomplete);
    expect(States.LoadShards?.Catch).toEqual(toIncomplete);
    expect(States.Disruptive?.Catch).toEqual(toIncomplete);
    // The run id comes from the execution input, so a Plan that failed still reaches finalize.
    expect(States.RunIncomplete).toEqual({
      Type: 'Pass',
      Parameters: { 'runId.$': '$.runId', 'failure.$': '$.failure' },
      Next: 'Finalize',
    });
    expect(States.RunFinished).toMatchObject({ Parameters: { 'runId.$': '$.runId' } });
  });

  it('grants each function only the table actions its step needs, on the table and not its indexes', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN
    for (const id of functionIds) {
      const tableStatements = statementsOf(template, id).filter((s) =>
        actionsOf([s]).some((a) => a.startsWith('dynamodb:')),
      );
      expect(tableStatements.map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [expect.stringMatching(/^Results/), 'Arn'] },
      ]);
    }
    // Plan only stores the run record; the other steps read it (their plan) and write results.
    expect(actionsOf(statementsOf(template, 'Plan')).filter((a) => a.startsWith('dynamodb:'))).toEqual([
      'dynamodb:PutItem',
    ]);
    for (const id of ['Conformance', 'Property', 'LoadShard', 'Finalize']) {
      expect(actionsOf(statementsOf(template, id)).filter((a) => a.startsWith('dynamodb:'))).toEqual([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
      ]);
    }
  });

  it('lets only the target-connecting functions read target keys, and only under the prefix', () => {
    // GIVEN / WHEN
    const template = synth({ targetSecretPrefix: 'acme/keys/' });
    // THEN
    for (const id of ['Plan', 'Conformance', 'Property', 'LoadShard']) {
      const secretStatements = statementsOf(template, id).filter((s) =>
        actionsOf([s]).includes('secretsmanager:GetSecretValue'),
      );
      expect(secretStatements).toHaveLength(1);
      expect(JSON.stringify(secretStatements[0]?.Resource)).toMatch(/:secret:acme\/keys\/\*"/);
      expect(actionsOf(secretStatements)).toEqual(['secretsmanager:GetSecretValue']);
      expect(resourceOf(template, 'AWS::Lambda::Function', id).Properties).toMatchObject({
        Environment: { Variables: { CHAINEVAL_TARGET_SECRET_PREFIX: 'acme/keys/' } },
      });
    }
    // Finalize reads no secret: it only schedules the deletion of the run's URL secret, under runs/.
    const finalizeSecrets = statementsOf(template, 'Finalize').filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('secretsmanager:')),
    );
    expect(actionsOf(finalizeSecrets)).toEqual(['secretsmanager:DeleteSecret']);
    expect(JSON.stringify(finalizeSecrets.map((s) => s.Resource))).toMatch(/:secret:acme\/keys\/runs\/\*"/);
    expect(resourceOf(template, 'AWS::Lambda::Function', 'Finalize').Properties).toMatchObject({
      Environment: { Variables: { CHAINEVAL_RUN_SECRET_PREFIX: 'acme/keys/runs/' } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'secretsmanager:GetSecretValue' })]),
      },
    });
  });

  it('lets the state machine invoke exactly the five functions', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN
    const policy = resourceOf(template, 'AWS::IAM::Policy', 'EvaluationStateMachineRoleDefaultPolicy');
    const invoke = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter(
      (s) => s.Action === 'lambda:InvokeFunction',
    );
    const targets = new Set(
      JSON.stringify(invoke).match(/"(Plan|Conformance|Property|LoadShard|Finalize)[0-9A-F]{8}"/g),
    );
    expect(targets.size).toBe(5);
  });

  it('serves the HTTP API with IAM authorization on every method, and exports a starter and a reader policy', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method')) as Resource[];
    expect(methods.map((m) => m.Properties.HttpMethod).sort()).toEqual(['GET', 'GET', 'GET', 'POST']);
    for (const method of methods) expect(method.Properties.AuthorizationType).toBe('AWS_IAM');
    const post = methods.find((m) => m.Properties.HttpMethod === 'POST');
    expect(post?.Properties.RequestParameters).toEqual({ 'method.request.header.Idempotency-Key': true });

    const policies = Object.entries(template.findResources('AWS::IAM::ManagedPolicy')) as [
      string,
      Resource,
    ][];
    const invokable = (prefix: string) => {
      const policy = policies.find(([id]) => id.startsWith(prefix))?.[1];
      return JSON.stringify(policy?.Properties.PolicyDocument).match(/\/v1\/(GET|POST)\/[a-z/*]+/g);
    };
    expect(invokable('ApiReaderPolicy')).toEqual([
      '/v1/GET/evaluations/*',
      '/v1/GET/reports',
      '/v1/GET/reports/*',
    ]);
    expect(invokable('ApiStarterPolicy')).toEqual([
      '/v1/POST/evaluations',
      '/v1/GET/evaluations/*',
      '/v1/GET/reports',
      '/v1/GET/reports/*',
    ]);
    for (const output of ['ApiUrl', 'StarterPolicyArn', 'ReaderPolicyArn']) template.hasOutput(output, {});
  });

  it("lets readers download report files and the seal key's public half, and nothing more of the bucket or key", () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN: both exported policies carry the same two reads beside execute-api:Invoke.
    const policies = Object.entries(template.findResources('AWS::IAM::ManagedPolicy')) as [
      string,
      Resource,
    ][];
    for (const prefix of ['ApiReaderPolicy', 'ApiStarterPolicy']) {
      const policy = policies.find(([id]) => id.startsWith(prefix))?.[1];
      const statements =
        (policy?.Properties.PolicyDocument as { Statement?: Statement[] } | undefined)?.Statement ?? [];
      expect(actionsOf(statements), prefix).toEqual([
        'execute-api:Invoke',
        'kms:GetPublicKey',
        's3:GetObject',
      ]);
      const resourceOfAction = (action: string) =>
        JSON.stringify(statements.find((s) => actionsOf([s]).includes(action))?.Resource);
      // Objects under reports/ of the report bucket only: no ListBucket, no other prefix, no write.
      expect(resourceOfAction('s3:GetObject')).toMatch(
        /^\{"Fn::Join":\["",\[\{"Fn::GetAtt":\["ReportsBucket[0-9A-F]{8}","Arn"\]\},"\/reports\/\*"\]\]\}$/,
      );
      // The signing key only, and only its public half: verifying is offline (chaineval verify), signing is finalize's.
      expect(resourceOfAction('kms:GetPublicKey')).toMatch(
        /^\{"Fn::GetAtt":\["ReportSigningKey[0-9A-F]{8}","Arn"\]\}$/,
      );
    }
  });

  it('lets the API start runs of the state machine only, and read the table and its listing index only', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN
    const start = statementsOf(template, 'ApiStart');
    expect(actionsOf(start)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:CreateSecret',
      'secretsmanager:TagResource',
      'states:StartExecution',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    expect(JSON.stringify(start.find((s) => s.Action === 'states:StartExecution')?.Resource)).toMatch(
      /^\{"Ref":"EvaluationStateMachine[0-9A-F]{8}"\}$/,
    );
    // It stores each run's target URL as a secret of its own, under runs/ only, and reads none.
    const secretResources = start
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')))
      .map((s) => s.Resource);
    expect(JSON.stringify(secretResources)).toMatch(
      /^\[\{"Fn::Join":.*:secret:chaineval\/targets\/runs\/\*"\]\]\}\]$/,
    );
    expect(resourceOf(template, 'AWS::Lambda::Function', 'ApiStart').Properties).toMatchObject({
      Environment: { Variables: { CHAINEVAL_RUN_SECRET_PREFIX: 'chaineval/targets/runs/' } },
    });
    const read = statementsOf(template, 'ApiRead');
    expect(actionsOf(read).filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      's3:GetObject',
    ]);
    expect(JSON.stringify(read)).toContain('/index/byCreatedAt');
    expect(actionsOf(read).some((a) => a.startsWith('secretsmanager:') || a.startsWith('states:'))).toBe(
      false,
    );
  });

  it('keeps report files in a private, TLS-only, versioned, encrypted bucket with access logs, retained', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN: the report bucket and its access-log bucket.
    template.resourceCountIs('AWS::S3::Bucket', 2);
    const reports = resourceOf(template, 'AWS::S3::Bucket', 'ReportsBucket');
    const logs = resourceOf(template, 'AWS::S3::Bucket', 'ReportsAccessLogs');
    for (const bucket of [reports, logs]) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(bucket.Properties.AccessControl).toBeUndefined();
    }
    expect(reports.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^ReportsAccessLogs/) },
      LogFilePrefix: 'reports/',
    });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(Object.keys(template.findResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' }))).toHaveLength(
      2,
    );
    // TLS only: each bucket policy denies requests without aws:SecureTransport.
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Resource[];
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(
        '"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"',
      );
    }
    template.hasOutput('ReportBucketName', {});
  });

  it('creates an asymmetric P-256 signing key, retained, and lets only finalize sign with it and write report files', () => {
    // GIVEN / WHEN
    const template = synth();
    // THEN
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', EnableKeyRotation: false },
    });
    template.hasOutput('ReportSigningKeyArn', {});
    const finalize = statementsOf(template, 'Finalize');
    const kms = finalize.filter((s) => actionsOf([s]).some((a) => a.startsWith('kms:')));
    expect(actionsOf(kms)).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    expect(kms.map((s) => s.Resource)).toEqual([
      { 'Fn::GetAtt': [expect.stringMatching(/^ReportSigningKey/), 'Arn'] },
    ]);
    const s3 = finalize.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    expect(actionsOf(s3)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(s3[0]?.Resource)).toMatch(
      /^\{"Fn::Join":\["",\[\{"Fn::GetAtt":\["ReportsBucket[0-9A-F]{8}","Arn"\]\},"\/reports\/\*"\]\]\}$/,
    );
    expect(resourceOf(template, 'AWS::Lambda::Function', 'Finalize').Properties).toMatchObject({
      Environment: {
        Variables: {
          CHAINEVAL_REPORT_BUCKET: { Ref: expect.stringMatching(/^ReportsBucket/) },
          CHAINEVAL_REPORT_SIGNING_KEY_ID: {
            'Fn::GetAtt': [expect.stringMatching(/^ReportSigningKey/), 'Arn'],
          },
        },
      },
    });
    // No other function touches the key or the bucket but the API's read function, which may read
    // report files (to link them), nothing else.
    const apiRead = statementsOf(template, 'ApiRead').filter((s) =>
      actionsOf([s]).some((a) => /^(kms|s3):/.test(a)),
    );
    expect(actionsOf(apiRead)).toEqual(['s3:GetObject']);
    expect(JSON.stringify(apiRead[0]?.Resource)).toBe(JSON.stringify(s3[0]?.Resource));
    expect(resourceOf(template, 'AWS::Lambda::Function', 'ApiRead').Properties).toMatchObject({
      Environment: {
        Variables: { CHAINEVAL_REPORT_BUCKET: { Ref: expect.stringMatching(/^ReportsBucket/) } },
      },
    });
    for (const id of ['Plan', 'Conformance', 'Property', 'LoadShard', 'ApiStart']) {
      expect(
        actionsOf(statementsOf(template, id)).filter((a) => /^(kms|s3):/.test(a)),
        id,
      ).toEqual([]);
    }
  });

  it('fails when loadShardStartAllowance is longer than the load-shard timeout', () => {
    expect(() => synth({ loadShardStartAllowance: Duration.minutes(16) })).toThrow(
      /loadShardStartAllowance must be a whole number of milliseconds up to the load-shard timeout \(15 minutes\), got 960000 ms/,
    );
  });

  it('fails when loadMaxConcurrency is below 1', () => {
    expect(() => synth({ loadMaxConcurrency: 0 })).toThrow(
      /loadMaxConcurrency must be an integer from 1 to 10000, got 0/,
    );
  });

  it('fails when loadMaxConcurrency is not an integer or above the Distributed Map limit', () => {
    expect(() => synth({ loadMaxConcurrency: 2.5 })).toThrow(/got 2\.5/);
    expect(() => synth({ loadMaxConcurrency: 10_001 })).toThrow(/got 10001/);
  });

  it('fails when targetSecretPrefix contains a wildcard', () => {
    expect(() => synth({ targetSecretPrefix: 'chaineval/*' })).toThrow(
      /targetSecretPrefix "chaineval\/\*" is not a Secrets Manager name prefix/,
    );
  });

  it('fails when an allowed target host is a URL rather than a host', () => {
    expect(() => synth({ allowedTargetHosts: ['http://10.0.0.5:8545'] })).toThrow(
      /"http:\/\/10\.0\.0\.5:8545" is not a host name or IP address/,
    );
  });
});

describe('HarnessFunction', () => {
  const entry = new URL('../../lambdas/finalize/handler.ts', import.meta.url).pathname;
  const build = (extra: Partial<ConstructorParameters<typeof HarnessFunction>[2]>) => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Fn');
    const table = new Table(stack, 'T', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    return new HarnessFunction(stack, 'F', {
      entry,
      description: 'd',
      table,
      tableAccess: 'write',
      ...extra,
    });
  };

  it('fails when memorySizeMiB is outside Lambda limits', () => {
    expect(() => build({ memorySizeMiB: 64 })).toThrow(
      /memorySizeMiB must be an integer from 128 to 10240, got 64/,
    );
  });

  it('fails when timeout exceeds 15 minutes', () => {
    expect(() => build({ timeout: Duration.minutes(16) })).toThrow(
      /timeout must be 1 s to 15 min .*got 960 s/,
    );
  });

  it('fails when environment overrides a variable the construct owns', () => {
    expect(() => build({ environment: { CHAINEVAL_TABLE_NAME: 'other' } })).toThrow(
      /environment may not set CHAINEVAL_TABLE_NAME/,
    );
  });
});

describe('EvaluationStateMachine', () => {
  it('fails when loadMaxConcurrency is negative', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Sm');
    const fn = (id: string) =>
      new LambdaFunction(stack, id, {
        runtime: Runtime.NODEJS_20_X,
        handler: 'index.handler',
        code: Code.fromInline('0'),
      });
    // WHEN / THEN
    expect(
      () =>
        new EvaluationStateMachine(stack, 'E', {
          planFunction: fn('P'),
          conformanceFunction: fn('C'),
          propertyFunction: fn('Pr'),
          loadShardFunction: fn('L'),
          finalizeFunction: fn('F'),
          loadMaxConcurrency: -1,
        }),
    ).toThrow(/EvaluationStateMachine "E": loadMaxConcurrency must be an integer from 1 to 10000, got -1/);
  });
});
