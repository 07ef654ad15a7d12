import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, type RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { ArnFormat } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { lambdaEnvNames } from '../../lambdas/shared/lambdaEnvNames.ts';
import { reportObjectPrefix } from '../../lambdas/shared/reportObjectPrefix.ts';
import { EvaluationApi } from './constructs/EvaluationApi.ts';
import { EvaluationStateMachine } from './constructs/EvaluationStateMachine.ts';
import { HarnessFunction, type HarnessFunctionProps } from './constructs/HarnessFunction.ts';
import { InvalidConstructPropsError } from './constructs/InvalidConstructPropsError.ts';
import { nagArnScope } from './constructs/nagArnScope.ts';
import { ReportBucket } from './constructs/ReportBucket.ts';
import { ReportSigningKey } from './constructs/ReportSigningKey.ts';
import { ResultTable } from './constructs/ResultTable.ts';

export interface ChainevalStackProps extends StackProps {
  /**
   * Secrets Manager name prefix under which operators store target keys; a run's `keySecretId`
   * must start with it, and the functions may read nothing else. `<prefix>runs/` is the API's: it
   * stores each run's target URL there (created by the API, deleted by finalize).
   *
   * @default 'chaineval/targets/'
   */
  readonly targetSecretPrefix?: string;
  /**
   * Private, loopback or link-local targets a run may reach (a vendor's test chain inside a peered
   * network, say): host names, IP addresses and CIDR ranges. A private address is reached only when
   * both the URL's host and the address are listed, so list a name together with the addresses or
   * network it resolves to (`['rpc.internal.example', '10.0.0.0/24']`); an allow-listed name that
   * resolves elsewhere (DNS rebinding) is refused, and connections go to the checked addresses only.
   *
   * @default - none: every private target is refused (DESIGN.md "Security posture")
   */
  readonly allowedTargetHosts?: readonly string[];
  /**
   * A VPC for the functions that connect to targets (plan, conformance, property, load shards), for
   * targets on private networks. Their subnets need a route to DynamoDB and Secrets Manager (NAT or
   * VPC endpoints), and private target addresses must still be in `allowedTargetHosts`.
   *
   * @default - no VPC: targets are reached over the internet
   */
  readonly targetVpc?: IVpc;
  /** @default - the VPC's private subnets with egress */
  readonly targetVpcSubnets?: SubnetSelection;
  /** @default 10 - see EvaluationStateMachineProps.loadMaxConcurrency */
  readonly loadMaxConcurrency?: number;
  /**
   * Time a load-shard Lambda is given from its scenario's start to being ready (a cold start, in a
   * VPC an ENI, connecting to the target, reading nonces); the plan adds it to each scenario's start
   * delay. A shard ready later sends late and its scenario's verdict becomes inconclusive, so raise
   * it if reports say shards were ready after the common start; lower it for faster runs.
   *
   * @default Duration.seconds(30)
   */
  readonly loadShardStartAllowance?: Duration;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN - see ResultTableProps.removalPolicy */
  readonly tableRemovalPolicy?: RemovalPolicy;
  /** @default RemovalPolicy.RETAIN - see ReportBucketProps.removalPolicy and ReportSigningKeyProps.removalPolicy */
  readonly artifactRemovalPolicy?: RemovalPolicy;
}

const handlerOf = (fn: string) => fileURLToPath(new URL(`../../lambdas/${fn}/handler.ts`, import.meta.url));

/**
 * Host names, IP literals and CIDR ranges: no scheme, port, path, comma (the list is passed
 * comma-separated) or space.
 */
const hostPattern = /^[a-z0-9.:-]+(\/\d{1,3})?$/;

/**
 * chaineval in one AWS account: the result table, one Lambda per run step, the state machine that
 * runs them, the report bucket and the KMS key that seals reports (DESIGN.md "Cloud shape"). The
 * same core steps as the CLI (docs/adr/0003).
 */
export class ChainevalStack extends Stack {
  public readonly table: ResultTable;
  public readonly evaluation: EvaluationStateMachine;
  public readonly api: EvaluationApi;
  public readonly reports: ReportBucket;
  public readonly signingKey: ReportSigningKey;

  constructor(scope: Construct, id: string, props: ChainevalStackProps = {}) {
    super(scope, id, props);
    const allowedHosts = (props.allowedTargetHosts ?? []).map((h) => h.toLowerCase());
    const badHost = allowedHosts.find((h) => !hostPattern.test(h));
    if (badHost !== undefined) {
      throw new InvalidConstructPropsError(
        `ChainevalStack "${id}": allowedTargetHosts entry "${badHost}" is not a host name or IP address`,
        {
          details:
            'List bare hosts such as "10.0.0.5", "rpc.internal.example" or "10.0.0.0/24", without scheme, port or path.',
        },
      );
    }

    this.table = new ResultTable(
      this,
      'Results',
      props.tableRemovalPolicy ? { removalPolicy: props.tableRemovalPolicy } : {},
    );
    const artifactRemoval = props.artifactRemovalPolicy ? { removalPolicy: props.artifactRemovalPolicy } : {};
    this.reports = new ReportBucket(this, 'Reports', artifactRemoval);
    this.signingKey = new ReportSigningKey(this, 'ReportSigningKey', artifactRemoval);
    const targetSecretPrefix = props.targetSecretPrefix ?? 'chaineval/targets/';
    // Each run's target URL (which may carry an API token) is a secret of its own here, inside the
    // prefix the target-connecting functions read: the API creates it, finalize deletes it, and the
    // execution input and state payloads carry only its name (lambdas/shared/runTargetUrlSecretName.ts).
    const runSecretPrefix = `${targetSecretPrefix}runs/`;
    const runSecrets = this.formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      // Secret ARNs end in `-` + 6 random characters, so the name needs a trailing wildcard.
      resourceName: `${runSecretPrefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const runSecretsFinding = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:${nagArnScope(this)}:secret:${runSecretPrefix}*]`;
    const loadShardTimeout = Duration.minutes(15);
    const loadMaxConcurrency = props.loadMaxConcurrency ?? 10;
    const loadShardStartAllowanceMs = (
      props.loadShardStartAllowance ?? Duration.seconds(30)
    ).toMilliseconds();
    if (
      !Number.isInteger(loadShardStartAllowanceMs) ||
      loadShardStartAllowanceMs > loadShardTimeout.toMilliseconds()
    ) {
      throw new InvalidConstructPropsError(
        `ChainevalStack "${id}": loadShardStartAllowance must be a whole number of milliseconds up to the load-shard timeout (${loadShardTimeout.toHumanString()}), got ${loadShardStartAllowanceMs} ms`,
        {
          details:
            'It is the time a shard Lambda gets to start before its scenario sends; 30 s suits a cold start.',
        },
      );
    }
    // The plan step's load limits, set on plan and on the API's start function, so the API refuses
    // what the plan step would (planCloudRun).
    const loadLimits = {
      [lambdaEnvNames.loadShardTimeoutS]: String(loadShardTimeout.toSeconds()),
      [lambdaEnvNames.loadMaxConcurrency]: String(loadMaxConcurrency),
      [lambdaEnvNames.loadShardStartAllowanceMs]: String(loadShardStartAllowanceMs),
    };
    const common: Pick<HarnessFunctionProps, 'table' | 'logRetention'> =
      props.logRetention === undefined
        ? { table: this.table }
        : { table: this.table, logRetention: props.logRetention };
    const targetEnvironment = { [lambdaEnvNames.allowedTargetHosts]: allowedHosts.join(',') };
    const targetPlacement: Pick<HarnessFunctionProps, 'vpc' | 'vpcSubnets'> = {
      ...(props.targetVpc === undefined ? {} : { vpc: props.targetVpc }),
      ...(props.targetVpcSubnets === undefined ? {} : { vpcSubnets: props.targetVpcSubnets }),
    };

    const planFunction = new HarnessFunction(this, 'Plan', {
      ...common,
      entry: handlerOf('plan'),
      description: 'chaineval: plan a run, fingerprint the target, store the run record, fund its accounts',
      ...targetPlacement,
      tableAccess: 'write',
      targetSecretPrefix,
      // Funding the run's accounts waits for their transfers to land.
      timeout: Duration.minutes(5),
      environment: { ...targetEnvironment, ...loadLimits },
    });
    const conformanceFunction = new HarnessFunction(this, 'Conformance', {
      ...common,
      entry: handlerOf('conformance'),
      description: 'chaineval: run the conformance suite against the target',
      ...targetPlacement,
      tableAccess: 'readWrite',
      targetSecretPrefix,
      environment: targetEnvironment,
    });
    const propertyFunction = new HarnessFunction(this, 'Property', {
      ...common,
      entry: handlerOf('property'),
      description: 'chaineval: run the property suite against the target',
      ...targetPlacement,
      tableAccess: 'readWrite',
      targetSecretPrefix,
      environment: targetEnvironment,
    });
    const loadShardFunction = new HarnessFunction(this, 'LoadShard', {
      ...common,
      entry: handlerOf('loadShard'),
      description: 'chaineval: run one shard of the load scenario against the target',
      ...targetPlacement,
      tableAccess: 'readWrite',
      targetSecretPrefix,
      timeout: loadShardTimeout,
      // One full vCPU: a shard pre-signs its transactions (toolchain.md: ≈ 3k signatures/s per core).
      memorySizeMiB: 1769,
      environment: targetEnvironment,
    });
    // No target, no secret: finalize reads the run, stores and seals the report, writes its files.
    const finalizeFunction = new HarnessFunction(this, 'Finalize', {
      ...common,
      entry: handlerOf('finalize'),
      description: 'chaineval: merge load shards, score the run, store, seal and publish the report',
      tableAccess: 'readWrite',
      // report.html embeds its CJK fallback font, as the CLI's does.
      bundleCjkFont: true,
      timeout: Duration.minutes(5),
      environment: {
        [lambdaEnvNames.reportBucketName]: this.reports.bucket.bucketName,
        [lambdaEnvNames.reportSigningKeyId]: this.signingKey.keyArn,
        [lambdaEnvNames.runSecretPrefix]: runSecretPrefix,
      },
    });
    // The run is over: its target URL secret is scheduled for deletion (7-day recovery window,
    // lambdas/finalize/deleteTargetUrlSecret.ts). Nothing else of Secrets Manager: no read.
    finalizeFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:DeleteSecret'], resources: [runSecrets] }),
    );
    Validations.of(finalizeFunction.role ?? finalizeFunction).acknowledge({
      id: runSecretsFinding,
      reason: `DeleteSecret only, on the per-run target URL secrets the API creates (${runSecretPrefix}<runId>/target-url): run ids are made at run time and secret ARNs end in 6 random characters, so no exact ARN exists at deploy time. Not the operator's key secrets beside them, no read.`,
    });
    // Exactly what publishReport calls: the public key (the seal's key id) and Sign, on this key;
    // PutObject of report files under the prefix. No Verify, no Get or Delete of objects.
    finalizeFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:GetPublicKey', 'kms:Sign'],
        resources: [this.signingKey.keyArn],
      }),
    );
    finalizeFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.reports.bucket.arnForObjects(`${reportObjectPrefix}*`)],
      }),
    );
    const reportBucketId = this.getLogicalId(this.reports.bucket.node.defaultChild as CfnBucket);
    Validations.of(finalizeFunction.role ?? finalizeFunction).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${reportBucketId}.Arn>/${reportObjectPrefix}*]`,
      reason: `PutObject only, under the report prefix of the stack's own report bucket: each run writes ${reportObjectPrefix}<runId>/…, and run ids are made at run time, so no exact object ARN exists at deploy time. No read, delete or ACL action.`,
    });

    this.evaluation = new EvaluationStateMachine(this, 'Evaluation', {
      planFunction,
      conformanceFunction,
      propertyFunction,
      loadShardFunction,
      finalizeFunction,
      loadMaxConcurrency,
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
    });

    const apiStartFunction = new HarnessFunction(this, 'ApiStart', {
      ...common,
      entry: handlerOf('apiStart'),
      description: 'chaineval API: POST /evaluations (validate, claim the idempotency key, start the run)',
      // PutItem and GetItem of the idempotency item.
      tableAccess: 'readWrite',
      // API Gateway waits 29 s for an integration.
      timeout: Duration.seconds(29),
      environment: {
        ...loadLimits,
        [lambdaEnvNames.stateMachineArn]: this.evaluation.stateMachine.stateMachineArn,
        [lambdaEnvNames.runSecretPrefix]: runSecretPrefix,
      },
    });
    this.evaluation.stateMachine.grantStartExecution(apiStartFunction);
    // Stores each run's target URL as its own secret, tagged with the run id (CreateSecret with Tags
    // needs TagResource too); may neither read nor delete secrets.
    apiStartFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:CreateSecret', 'secretsmanager:TagResource'],
        resources: [runSecrets],
      }),
    );
    Validations.of(apiStartFunction.role ?? apiStartFunction).acknowledge({
      id: runSecretsFinding,
      reason: `CreateSecret and TagResource only, for the per-run target URL secrets (${runSecretPrefix}<runId>/target-url): the API names each at run time and secret ARNs end in 6 random characters, so no exact ARN exists at deploy time. No read, update or delete of any secret.`,
    });
    const apiReadFunction = new HarnessFunction(this, 'ApiRead', {
      ...common,
      entry: handlerOf('apiRead'),
      description: 'chaineval API: GET /evaluations/{id}, /reports, /reports/{id}',
      tableAccess: 'read',
      timeout: Duration.seconds(29),
      // To presign the links to a finished run's report files (describeReportFiles).
      environment: { [lambdaEnvNames.reportBucketName]: this.reports.bucket.bucketName },
    });
    this.api = new EvaluationApi(this, 'Api', {
      startFunction: apiStartFunction,
      readFunction: apiReadFunction,
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
    });
    // Reading report files: the API's presigned links act as the read function's role, and readers
    // may download the files themselves (aws s3 cp) and fetch the seal key's public half to verify
    // them offline (chaineval verify needs no KMS call, so no kms:Verify). Nothing may list, write
    // or delete, and the objects stay private.
    const reportFiles = this.reports.bucket.arnForObjects(`${reportObjectPrefix}*`);
    apiReadFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [reportFiles] }),
    );
    for (const policy of [this.api.readerPolicy, this.api.starterPolicy]) {
      policy.addStatements(
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [reportFiles] }),
        new PolicyStatement({ actions: ['kms:GetPublicKey'], resources: [this.signingKey.keyArn] }),
      );
    }
    for (const scope of [
      apiReadFunction.role ?? apiReadFunction,
      this.api.readerPolicy,
      this.api.starterPolicy,
    ]) {
      Validations.of(scope).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${reportBucketId}.Arn>/${reportObjectPrefix}*]`,
        reason: `GetObject only, under the report prefix of the stack's own report bucket: report files are ${reportObjectPrefix}<runId>/…, one folder per run, and run ids are made at run time. No list, write, delete or ACL action.`,
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url });
    new CfnOutput(this, 'StarterPolicyArn', {
      value: this.api.starterPolicy.managedPolicyArn,
      description: 'Attach to principals who may start evaluations (and read reports)',
    });
    new CfnOutput(this, 'ReaderPolicyArn', {
      value: this.api.readerPolicy.managedPolicyArn,
      description: 'Attach to principals who may only read evaluations and reports',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: this.evaluation.stateMachine.stateMachineArn });
    new CfnOutput(this, 'TargetSecretPrefix', { value: targetSecretPrefix });
    new CfnOutput(this, 'ReportBucketName', {
      value: this.reports.bucket.bucketName,
      description: `Report files: ${reportObjectPrefix}<runId>/report.json, report.html, report.dsse.json`,
    });
    new CfnOutput(this, 'ReportSigningKeyArn', {
      value: this.signingKey.keyArn,
      description: 'Seals reports; its public key (aws kms get-public-key) verifies them: chaineval verify',
    });
  }
}
