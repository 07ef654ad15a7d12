import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ArnFormat } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { tableDesign } from '#reports/store/tableDesign.ts';
import { lambdaEnvNames } from '../../../lambdas/shared/lambdaEnvNames.ts';
import { InvalidConstructPropsError } from './InvalidConstructPropsError.ts';
import { nagArnScope } from './nagArnScope.ts';

/**
 * What a function may do with the result table: the least its step needs (core/run/steps.ts).
 * The store writes with plain PutItem on deterministic keys and reads with GetItem and Query
 * (reports/store/createDynamoReportStore.ts), so no step needs Update, Delete, Scan or streams.
 */
export type TableAccess = 'write' | 'readWrite' | 'read';

const tableActions: Record<TableAccess, readonly string[]> = {
  write: ['dynamodb:PutItem'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
  // The API's read side: runs and reports, and the newest-first report listing (its index).
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
};

export interface HarnessFunctionProps {
  /** Absolute path of the handler module (`lambdas/<function>/handler.ts`); its `handler` export is invoked. */
  readonly entry: string;
  /** Shown in the Lambda console; say which step of a run this is. */
  readonly description: string;
  /**
   * The result table; its name is passed as `CHAINEVAL_TABLE_NAME`. Only what the construct uses is
   * required, because CDK's `Table` class does not satisfy `ITable` under `exactOptionalPropertyTypes`.
   */
  readonly table: Pick<ITable, 'tableName' | 'tableArn'>;
  /**
   * `write` (PutItem) for steps that only store results, `readWrite` for steps that read their run,
   * `read` for the API's readers (the table and its byCreatedAt index, nothing else).
   */
  readonly tableAccess: TableAccess;
  /**
   * Secrets Manager name prefix of target keys this function may read (`GetSecretValue` on
   * `<prefix>*` only), passed as `CHAINEVAL_TARGET_SECRET_PREFIX`.
   *
   * @default - no secret access: the function cannot connect to a target
   */
  readonly targetSecretPrefix?: string;
  /** @default Duration.minutes(15) - Lambda's maximum; suites and load shards are long-running */
  readonly timeout?: Duration;
  /**
   * Lambda allots CPU in proportion to memory (1,769 MiB = one vCPU); signing transactions is CPU-bound.
   *
   * @default 1024
   */
  readonly memorySizeMiB?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /**
   * Runs the function in this VPC, for targets on private networks (a vendor's test chain reachable
   * only through a peering or VPN). The subnets need a route to DynamoDB and Secrets Manager (a NAT
   * gateway or VPC endpoints). Private target addresses must still be allow-listed.
   *
   * @default - not in a VPC: the function reaches public endpoints only
   */
  readonly vpc?: IVpc;
  /** @default - the VPC's private subnets with egress (CDK's default for Lambda) */
  readonly vpcSubnets?: SubnetSelection;
  /**
   * Extra environment variables. Those this construct sets (`NODE_OPTIONS`, the table name, the
   * secret prefix) cannot be overridden here.
   *
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Copies into the bundle what report.html's embedded CJK fallback font needs at run time (files
   * esbuild cannot follow, read with fs): the Noto Sans SC WOFF2 chunks with their unicode.json and
   * licence (to `fonts/noto-sans-sc/`, where reports/render/fonts/cjkFontDir.ts looks first) and
   * harfbuzz's subsetter WebAssembly (to the `node_modules/` path subset-font resolves). ≈ 5 MB.
   *
   * @default false
   */
  readonly bundleCjkFont?: boolean;
}

/** Shell commands (local bundling, no Docker) that copy the CJK font assets next to the bundle. */
function cjkFontAssetCommands(inputDir: string, outputDir: string): string[] {
  const font = `${inputDir}/node_modules/@fontsource-variable/noto-sans-sc`;
  const wasm = 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm';
  return [
    `mkdir -p "${outputDir}/fonts/noto-sans-sc/files" "${outputDir}/node_modules/harfbuzzjs/dist"`,
    `cp "${font}/unicode.json" "${font}/LICENSE" "${outputDir}/fonts/noto-sans-sc/"`,
    `cp "${font}"/files/*-wght-normal.woff2 "${outputDir}/fonts/noto-sans-sc/files/"`,
    `cp "${inputDir}/${wasm}" "${outputDir}/${wasm}"`,
  ];
}

/** Secrets Manager name characters; a `*` or `?` would widen the IAM grant beyond the prefix. */
const secretPrefixPattern = /^[A-Za-z0-9/_+=.@-]+$/;

/** The repository root, where package.json (its `#…` import aliases) and package-lock.json live. */
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The one Lambda construct of chaineval: every step of a run is a HarnessFunction.
 *
 * Fixed defaults:
 * - Node.js 22 runtime (nodejs22.x; Lambda refuses to create nodejs20.x functions from 2027-02-01),
 *   ARM64 (Graviton). The bundle's syntax level stays Node 20 (package.json `engines`), so the very
 *   same artifact runs in the local emulation of the cloud run (tests/e2e/cloudRun.test.ts) on Node 20
 * - bundled locally with esbuild as ESM, AWS SDK included (the versions in package-lock.json, not
 *   the runtime's), minified, with source maps and `NODE_OPTIONS=--enable-source-maps`
 * - an explicit log group with retention (not the never-expiring implicit one)
 * - X-Ray active tracing
 * - its own execution role, no managed policy: writing to its log group, table access as declared
 *   (the table itself, not its indexes), target keys only under `targetSecretPrefix`
 * - cdk-nag AwsSolutions findings that remain are acknowledged here, each with its reason
 *
 * Modelled on Powertools' `FunctionWithLogGroup` (shared/reference/aesthetics.md §3).
 */
export class HarnessFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: HarnessFunctionProps) {
    const timeout = props.timeout ?? Duration.minutes(15);
    const memorySize = props.memorySizeMiB ?? 1024;
    validate(id, props, timeout, memorySize);

    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
    });
    // Instead of the AWSLambdaBasicExecutionRole managed policy (logs:CreateLogGroup and writes to
    // every log group in the account): writes to this function's log group only.
    const role = new Role(scope, `${id}ServiceRole`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `chaineval ${id} function: its log group, its table actions, its target keys`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout,
      memorySize,
      logGroup,
      role,
      ...(props.vpc === undefined
        ? {}
        : { vpc: props.vpc, ...(props.vpcSubnets === undefined ? {} : { vpcSubnets: props.vpcSubnets }) }),
      tracing: Tracing.ACTIVE,
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      environment: {
        ...props.environment,
        // Stack traces point into lambdas/ and core/, not into the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        [lambdaEnvNames.tableName]: props.table.tableName,
        ...(props.targetSecretPrefix === undefined
          ? {}
          : { [lambdaEnvNames.targetSecretPrefix]: props.targetSecretPrefix }),
      },
      bundling: {
        format: OutputFormat.ESM,
        // Node 20 syntax runs on nodejs22.x and on the Node 20 the project's tests run on.
        target: 'node20',
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // ESM first (viem, zod); the banner gives CommonJS dependencies the `require`, `__filename`
        // and `__dirname` ESM lacks (emscripten builds such as the font subsetter's read them).
        mainFields: ['module', 'main'],
        banner: [
          "import { createRequire as __chainevalCreateRequire } from 'node:module';",
          "import { fileURLToPath as __chainevalFileURLToPath } from 'node:url';",
          "import { dirname as __chainevalDirname } from 'node:path';",
          'const require = __chainevalCreateRequire(import.meta.url);',
          'const __filename = __chainevalFileURLToPath(import.meta.url);',
          'const __dirname = __chainevalDirname(__filename);',
        ].join(' '),
        // The pinned SDK, so the cloud runs what the tests ran (the runtime's SDK version drifts).
        bundleAwsSDK: true,
        externalModules: [],
        // No Docker on the build machines; bundling uses the esbuild in node_modules (toolchain.md).
        forceDockerBundling: false,
        ...(props.bundleCjkFont
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: cjkFontAssetCommands,
              },
            }
          : {}),
      },
    });

    // The table only (Table.grant would add `<table>/index/*`): no run step reads an index, and
    // readers read the one listing index by name.
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...tableActions[props.tableAccess]],
        resources:
          props.tableAccess === 'read'
            ? [props.table.tableArn, `${props.table.tableArn}/index/${tableDesign.byCreatedAtIndex.name}`]
            : [props.table.tableArn],
      }),
    );
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is a supported Lambda runtime and the one the project targets (issue 10); nodejs24.x is newer but outside the Node versions the suite is run on (package.json engines, toolchain.md). Move when CI runs Node 24.',
    });
    if (props.vpc !== undefined) {
      // What AWSLambdaVPCAccessExecutionRole grants besides logs: Lambda manages the function's
      // network interfaces with the execution role (CDK adds that managed policy only to roles it
      // creates itself).
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [
            'ec2:CreateNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSubnets',
            'ec2:DeleteNetworkInterface',
            'ec2:AssignPrivateIpAddresses',
            'ec2:UnassignPrivateIpAddresses',
          ],
          resources: ['*'],
        }),
      );
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `Only xray:PutTraceSegments and xray:PutTelemetryRecords, added by active tracing: X-Ray supports no resource-level permissions (https://docs.aws.amazon.com/xray/latest/devguide/security_iam_service-with-iam.html)${props.vpc === undefined ? '' : "; and, in a VPC, the network-interface actions of AWS's AWSLambdaVPCAccessExecutionRole, which Lambda performs on the function's behalf"}. infra/test asserts no other action has Resource "*".`,
    });

    if (props.targetSecretPrefix !== undefined) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:${nagArnScope(this)}:secret:${props.targetSecretPrefix}*]`,
        reason:
          'Read-only (GetSecretValue) on the operator-chosen name prefix for target keys: a run names its secret at run time, and a secret ARN ends in 6 random characters, so no exact ARN exists at deploy time. The prefix is validated to hold no wildcard.',
      });
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          // Secret ARNs end in `-` + 6 random characters, so the prefix needs a trailing wildcard.
          resources: [
            Stack.of(this).formatArn({
              service: 'secretsmanager',
              resource: 'secret',
              resourceName: `${props.targetSecretPrefix}*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
      );
    }
  }
}

function validate(id: string, props: HarnessFunctionProps, timeout: Duration, memorySize: number): void {
  const timeoutS = timeout.toSeconds();
  if (timeoutS < 1 || timeoutS > 900) {
    throw new InvalidConstructPropsError(
      `HarnessFunction "${id}": timeout must be 1 s to 15 min (Lambda's limit), got ${timeoutS} s`,
    );
  }
  if (!Number.isInteger(memorySize) || memorySize < 128 || memorySize > 10_240) {
    throw new InvalidConstructPropsError(
      `HarnessFunction "${id}": memorySizeMiB must be an integer from 128 to 10240, got ${memorySize}`,
    );
  }
  if (props.targetSecretPrefix !== undefined && !secretPrefixPattern.test(props.targetSecretPrefix)) {
    throw new InvalidConstructPropsError(
      `HarnessFunction "${id}": targetSecretPrefix "${props.targetSecretPrefix}" is not a Secrets Manager name prefix`,
      {
        details:
          'Use letters, digits and /_+=.@- only, e.g. "chaineval/targets/"; wildcards would widen the IAM grant.',
      },
    );
  }
  const reserved = ['NODE_OPTIONS', lambdaEnvNames.tableName, lambdaEnvNames.targetSecretPrefix].filter(
    (name) => props.environment?.[name] !== undefined,
  );
  if (reserved.length > 0) {
    throw new InvalidConstructPropsError(
      `HarnessFunction "${id}": environment may not set ${reserved.join(', ')}`,
      {
        details: 'These variables come from the table and targetSecretPrefix props; set those instead.',
      },
    );
  }
}
