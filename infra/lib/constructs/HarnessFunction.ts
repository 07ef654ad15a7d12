import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ArnFormat } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { lambdaEnvNames } from '../../../lambdas/shared/lambdaEnvNames.ts';
import { InvalidConstructPropsError } from './InvalidConstructPropsError.ts';

/**
 * What a function may do with the result table: the least its step needs (core/run/steps.ts).
 * The store writes with plain PutItem on deterministic keys and reads with GetItem and Query
 * (reports/store/createDynamoReportStore.ts), so no step needs Update, Delete, Scan or streams.
 */
export type TableAccess = 'write' | 'readWrite';

const tableActions: Record<TableAccess, readonly string[]> = {
  write: ['dynamodb:PutItem'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
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
  readonly table: Pick<ITable, 'tableName' | 'grant'>;
  /** `write` (PutItem) for steps that only store results, `readWrite` for finalize (reads the run, writes the report). */
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
   * Extra environment variables. Those this construct sets (`NODE_OPTIONS`, the table name, the
   * secret prefix) cannot be overridden here.
   *
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
}

/** Secrets Manager name characters; a `*` or `?` would widen the IAM grant beyond the prefix. */
const secretPrefixPattern = /^[A-Za-z0-9/_+=.@-]+$/;

/** The repository root, where package.json (its `#…` import aliases) and package-lock.json live. */
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The one Lambda construct of chaineval: every step of a run is a HarnessFunction.
 *
 * Fixed defaults:
 * - Node.js 20 runtime (the code targets Node 20, package.json `engines`), ARM64 (Graviton)
 * - bundled locally with esbuild as ESM, AWS SDK included (the versions in package-lock.json, not
 *   the runtime's), minified, with source maps and `NODE_OPTIONS=--enable-source-maps`
 * - an explicit log group with retention (not the never-expiring implicit one)
 * - X-Ray active tracing
 * - least-privilege grants: table access as declared, target keys only under `targetSecretPrefix`
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
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_20_X,
      architecture: Architecture.ARM_64,
      timeout,
      memorySize,
      logGroup,
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
        target: 'node20',
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // ESM first (viem, zod); the banner gives CommonJS dependencies the `require` ESM lacks.
        mainFields: ['module', 'main'],
        banner:
          "import { createRequire as __chainevalCreateRequire } from 'node:module'; const require = __chainevalCreateRequire(import.meta.url);",
        // The pinned SDK, so the cloud runs what the tests ran (the runtime's SDK version drifts).
        bundleAwsSDK: true,
        externalModules: [],
        // No Docker on the build machines; bundling uses the esbuild in node_modules (toolchain.md).
        forceDockerBundling: false,
      },
    });

    props.table.grant(this, ...tableActions[props.tableAccess]);
    // Deliberate: the code targets Node 20 (package.json engines, toolchain.md); moving to a newer
    // runtime is a project-wide decision (docs/adr/0003-cloud-runtime.md, "Consequences").
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W2531',
      reason:
        'nodejs20.x is deprecated by Lambda; chaineval targets Node 20 until the project moves (docs/adr/0003)',
    });

    if (props.targetSecretPrefix !== undefined) {
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
