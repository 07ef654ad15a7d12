import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, type RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { lambdaEnvNames } from '../../lambdas/shared/lambdaEnvNames.ts';
import { EvaluationStateMachine } from './constructs/EvaluationStateMachine.ts';
import { HarnessFunction, type HarnessFunctionProps } from './constructs/HarnessFunction.ts';
import { InvalidConstructPropsError } from './constructs/InvalidConstructPropsError.ts';
import { ResultTable } from './constructs/ResultTable.ts';

export interface ChainevalStackProps extends StackProps {
  /**
   * Secrets Manager name prefix under which operators store target keys; a run's `keySecretId`
   * must start with it, and the functions may read nothing else.
   *
   * @default 'chaineval/targets/'
   */
  readonly targetSecretPrefix?: string;
  /**
   * Hosts (names or IP literals) a run may target although they are private, loopback or
   * link-local (a vendor's test chain inside a peered network, say).
   *
   * @default - none: every private target is refused (DESIGN.md "Security posture")
   */
  readonly allowedTargetHosts?: readonly string[];
  /** @default 10 - see EvaluationStateMachineProps.loadMaxConcurrency */
  readonly loadMaxConcurrency?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN - see ResultTableProps.removalPolicy */
  readonly tableRemovalPolicy?: RemovalPolicy;
}

const handlerOf = (fn: string) => fileURLToPath(new URL(`../../lambdas/${fn}/handler.ts`, import.meta.url));

/** Host names and IP literals: no scheme, port, path, comma (the list is passed comma-separated) or space. */
const hostPattern = /^[a-z0-9.:-]+$/;

/**
 * chaineval in one AWS account: the result table, one Lambda per run step, and the state machine
 * that runs them (DESIGN.md "Cloud shape"). The same core steps as the CLI (docs/adr/0003).
 */
export class ChainevalStack extends Stack {
  public readonly table: ResultTable;
  public readonly evaluation: EvaluationStateMachine;

  constructor(scope: Construct, id: string, props: ChainevalStackProps = {}) {
    super(scope, id, props);
    const allowedHosts = (props.allowedTargetHosts ?? []).map((h) => h.toLowerCase());
    const badHost = allowedHosts.find((h) => !hostPattern.test(h));
    if (badHost !== undefined) {
      throw new InvalidConstructPropsError(
        `ChainevalStack "${id}": allowedTargetHosts entry "${badHost}" is not a host name or IP address`,
        {
          details:
            'List bare hosts such as "10.0.0.5" or "rpc.internal.example", without scheme, port or path.',
        },
      );
    }

    this.table = new ResultTable(
      this,
      'Results',
      props.tableRemovalPolicy ? { removalPolicy: props.tableRemovalPolicy } : {},
    );
    const targetSecretPrefix = props.targetSecretPrefix ?? 'chaineval/targets/';
    const loadShardTimeout = Duration.minutes(15);
    const loadMaxConcurrency = props.loadMaxConcurrency ?? 10;
    const common: Pick<HarnessFunctionProps, 'table' | 'logRetention'> =
      props.logRetention === undefined
        ? { table: this.table }
        : { table: this.table, logRetention: props.logRetention };
    const targetEnvironment = { [lambdaEnvNames.allowedTargetHosts]: allowedHosts.join(',') };

    const planFunction = new HarnessFunction(this, 'Plan', {
      ...common,
      entry: handlerOf('plan'),
      description: 'chaineval: plan a run, fingerprint the target, store the run record, fund its accounts',
      tableAccess: 'write',
      targetSecretPrefix,
      // Funding the run's accounts waits for their transfers to land.
      timeout: Duration.minutes(5),
      environment: {
        ...targetEnvironment,
        [lambdaEnvNames.loadShardTimeoutS]: String(loadShardTimeout.toSeconds()),
        [lambdaEnvNames.loadMaxConcurrency]: String(loadMaxConcurrency),
      },
    });
    const conformanceFunction = new HarnessFunction(this, 'Conformance', {
      ...common,
      entry: handlerOf('conformance'),
      description: 'chaineval: run the conformance suite against the target',
      tableAccess: 'readWrite',
      targetSecretPrefix,
      environment: targetEnvironment,
    });
    const propertyFunction = new HarnessFunction(this, 'Property', {
      ...common,
      entry: handlerOf('property'),
      description: 'chaineval: run the property suite against the target',
      tableAccess: 'readWrite',
      targetSecretPrefix,
      environment: targetEnvironment,
    });
    const loadShardFunction = new HarnessFunction(this, 'LoadShard', {
      ...common,
      entry: handlerOf('loadShard'),
      description: 'chaineval: run one shard of the load scenario against the target',
      tableAccess: 'readWrite',
      targetSecretPrefix,
      timeout: loadShardTimeout,
      // One full vCPU: a shard pre-signs its transactions (toolchain.md: ≈ 3k signatures/s per core).
      memorySizeMiB: 1769,
      environment: targetEnvironment,
    });
    // No target, no secret: finalize only reads the run and writes the report.
    const finalizeFunction = new HarnessFunction(this, 'Finalize', {
      ...common,
      entry: handlerOf('finalize'),
      description: 'chaineval: merge load shards, score the run, store the report',
      tableAccess: 'readWrite',
      timeout: Duration.minutes(5),
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

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: this.evaluation.stateMachine.stateMachineArn });
    new CfnOutput(this, 'TargetSecretPrefix', { value: targetSecretPrefix });
  }
}
