import { CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type CfnStateMachine,
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Fail,
  JitterType,
  JsonPath,
  LogLevel,
  Parallel,
  Pass,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { InvalidConstructPropsError } from './InvalidConstructPropsError.ts';
import { nagArnScope } from './nagArnScope.ts';

export interface EvaluationStateMachineProps {
  /** Validates the run input, fingerprints the target, writes the run meta (lambdas/plan). */
  readonly planFunction: IFunction;
  readonly conformanceFunction: IFunction;
  readonly propertyFunction: IFunction;
  /** Runs one load shard; invoked once per shard of each of plan's `loadScenarios` (lambdas/loadShard). */
  readonly loadShardFunction: IFunction;
  /** Scores and stores the report, for complete and incomplete runs alike (lambdas/finalize). */
  readonly finalizeFunction: IFunction;
  /**
   * How many load-shard Lambdas run at once. Each shard opens its own connections to the target,
   * so this also caps the connections a run opens.
   *
   * @default 10
   */
  readonly loadMaxConcurrency?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/** The Distributed Map limit on concurrent child executions. */
const maxDistributedConcurrency = 10_000;

/**
 * One evaluation run as a Step Functions state machine (DESIGN.md "Cloud shape", docs/adr/0003):
 *
 *   Plan → Suites (Parallel: conformance ‖ property) → LoadScenarios → LoadScenario? ─ no more ─→ Disruptive → RunFinished → Finalize
 *                                                        ┌──────────────────┘  ▲
 *                                                        └→ LoadStart → LoadShards (Distributed Map) → LoadScenarioDone
 *    └────────┴── Catch ────────────────────────────────────────────────┴──→ RunIncomplete ──────────────────────┘
 *
 * Each state is one Lambda running one core step (core/run/) of the plan the Plan state stored:
 * it writes its results to the table itself and returns a small reference, so state payloads stay
 * small and a retry overwrites. Plan funds every step's own accounts first, so the Parallel suites
 * never share a nonce. The load scenarios run one after another in the plan's order, as the CLI's
 * load step runs them (core/run/executeLoadStep.ts): all shards of one scenario at once from one
 * start time (its LoadStart), then the next scenario, so no scenario's traffic disturbs another's
 * measurement. A failing suite or shard does not drop the run: the Catch leads to Finalize with
 * the failure, which marks the run and its report incomplete; the execution then ends in
 * `RunIncomplete`. Disruptive runs the plan's last checks step (checks that may stop the node) with
 * the property Lambda, after the load.
 *
 * The execution input is lambdas/shared/RunInputSchema.ts; start it with `name` = runId.
 */
export class EvaluationStateMachine extends Construct {
  public readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: EvaluationStateMachineProps) {
    super(scope, id);
    const maxConcurrency = props.loadMaxConcurrency ?? 10;
    if (
      !Number.isInteger(maxConcurrency) ||
      maxConcurrency < 1 ||
      maxConcurrency > maxDistributedConcurrency
    ) {
      throw new InvalidConstructPropsError(
        `EvaluationStateMachine "${id}": loadMaxConcurrency must be an integer from 1 to ${maxDistributedConcurrency}, got ${maxConcurrency}`,
        { details: 'It caps how many load-shard Lambdas run at once; 1 runs shards one after another.' },
      );
    }

    const plan = invoke(this, 'Plan', props.planFunction, {
      payload: TaskInput.fromJsonPathAt('$'),
      // Every field is always present in plan's answer (lambdas/plan/schema.ts PlanOutputSchema).
      resultSelector: {
        runId: JsonPath.stringAt('$.Payload.runId'),
        target: JsonPath.objectAt('$.Payload.target'),
        loadScenarios: JsonPath.listAt('$.Payload.loadScenarios'),
      },
      resultPath: '$.plan',
    });

    // What every target step receives (lambdas/shared/TargetStepInputSchema.ts); the plan itself
    // is read from the run record.
    const stepInput = {
      runId: JsonPath.stringAt('$.plan.runId'),
      target: JsonPath.objectAt('$.plan.target'),
    };
    const suiteStep = (stepId: string, fn: IFunction) =>
      invoke(this, stepId, fn, { payload: TaskInput.fromObject(stepInput), resultPath: JsonPath.DISCARD });

    const suites = new Parallel(this, 'Suites', { resultPath: JsonPath.DISCARD })
      .branch(suiteStep('Conformance', props.conformanceFunction))
      .branch(suiteStep('Property', props.propertyFunction));

    // The load scenarios one after another: a loop over plan's `loadScenarios` (lambdas/plan/schema.ts)
    // with an index, rather than one Map over every shard of every scenario, whose scenarios would
    // load the target at the same time and be judged on each other's traffic. Each turn adds a
    // handful of events to this execution's history; the shards' own run in child executions.
    const loadScenarios = new Pass(this, 'LoadScenarios', {
      parameters: { next: 0, count: JsonPath.arrayLength(JsonPath.listAt('$.plan.loadScenarios')) },
      resultPath: '$.loadLoop',
    });
    // One moment for every shard of this scenario: each starts sending at this time + the scenario's
    // planned delay. Taken per scenario, when the previous scenario's shards have all ended.
    const loadStart = new Pass(this, 'LoadStart', {
      parameters: {
        scenario: JsonPath.arrayGetItem(
          JsonPath.listAt('$.plan.loadScenarios'),
          JsonPath.numberAt('$.loadLoop.next'),
        ),
        loadStartedAt: JsonPath.stringAt('$$.State.EnteredTime'),
      },
      resultPath: '$.load',
    });
    // Distributed, not inline: an inline Map runs at most 40 iterations at once and keeps every
    // iteration's history in this execution's 25,000-event limit (docs/adr/0003).
    const loadShards = new DistributedMap(this, 'LoadShards', {
      itemsPath: JsonPath.stringAt('$.load.scenario.shardIndexes'),
      itemSelector: {
        ...stepInput,
        scenario: JsonPath.stringAt('$.load.scenario.name'),
        shardIndex: JsonPath.numberAt('$$.Map.Item.Value'),
        loadStartedAt: JsonPath.stringAt('$.load.loadStartedAt'),
      },
      maxConcurrency,
      // Shards run up to Lambda's 15 minutes: longer than an Express child execution may last (5 min).
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: JsonPath.DISCARD,
    });
    loadShards.itemProcessor(
      invoke(this, 'LoadShard', props.loadShardFunction, {
        payload: TaskInput.fromJsonPathAt('$'),
        resultPath: JsonPath.DISCARD,
      }),
    );

    // finalize's input (lambdas/finalize/schema.ts); `failure` only on the Catch path. The run id is
    // read from the execution input, so a failed Plan still reaches finalize.
    const finalizeInput = { runId: JsonPath.stringAt('$.runId') };
    const runFinished = new Pass(this, 'RunFinished', { parameters: finalizeInput });
    const runIncomplete = new Pass(this, 'RunIncomplete', {
      parameters: { ...finalizeInput, failure: JsonPath.objectAt('$.failure') },
    });
    const finalize = invoke(this, 'Finalize', props.finalizeFunction, {
      payload: TaskInput.fromJsonPathAt('$'),
      outputPath: '$.Payload',
    });
    const outcome = new Choice(this, 'RunComplete?')
      .when(
        Condition.stringEquals('$.status', 'incomplete'),
        new Fail(this, 'RunEndedIncomplete', { error: 'RunIncomplete', causePath: '$.incompleteReason' }),
      )
      .otherwise(new Succeed(this, 'RunEnded'));

    // The checks that may stop the node (core/run/RunPlanSchema.ts `disruptive`), by the property
    // Lambda, once everything else has ended: a node they stop costs no other verdict.
    const disruptive = invoke(this, 'Disruptive', props.propertyFunction, {
      payload: TaskInput.fromObject({ ...stepInput, step: 'disruptive' }),
      resultPath: JsonPath.DISCARD,
    });

    const catchProps = { resultPath: '$.failure' };
    plan.addCatch(runIncomplete, catchProps);
    suites.addCatch(runIncomplete, catchProps);
    loadShards.addCatch(runIncomplete, catchProps);
    disruptive.addCatch(runIncomplete, catchProps);
    runIncomplete.next(finalize);

    const loadScenarioDone = new Pass(this, 'LoadScenarioDone', {
      parameters: {
        next: JsonPath.mathAdd(JsonPath.numberAt('$.loadLoop.next'), 1),
        count: JsonPath.numberAt('$.loadLoop.count'),
      },
      resultPath: '$.loadLoop',
    });
    const nextLoadScenario = new Choice(this, 'LoadScenario?')
      .when(
        Condition.numberLessThanJsonPath('$.loadLoop.next', '$.loadLoop.count'),
        loadStart.next(loadShards).next(loadScenarioDone),
      )
      .otherwise(disruptive.next(runFinished).next(finalize).next(outcome));
    loadScenarioDone.next(nextLoadScenario);

    const definition = plan.next(suites).next(loadScenarios).next(nextLoadScenario);

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromChainable(definition),
      stateMachineType: StateMachineType.STANDARD,
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'LogGroup', {
          retention: props.logRetention ?? RetentionDays.ONE_MONTH,
        }),
        // Every state transition, so an operator can follow a run (and cdk-nag SF1): the events
        // carry no payloads, so the cost stays at a few KB per run.
        level: LogLevel.ALL,
        // Payloads hold no target URL (only its secret's name), but they are not needed in the logs:
        // run ids and step names are in the events, results are in the table.
        includeExecutionData: false,
      },
    });
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the actions AWS requires on "*": X-Ray trace writes and sampling rules (no resource-level permissions) and CloudWatch Logs vended-log delivery (logs:CreateLogDelivery and friends, https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html#cloudwatch-iam-policy). infra/test asserts no other action has Resource "*".',
    });
    for (const fn of [
      props.planFunction,
      props.conformanceFunction,
      props.propertyFunction,
      props.loadShardFunction,
      props.finalizeFunction,
    ]) {
      const cfnFunction = fn.node.defaultChild;
      if (!(cfnFunction instanceof CfnResource)) continue;
      Validations.of(this.stateMachine).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(cfnFunction)}.Arn>:*]`,
        reason:
          'lambda:InvokeFunction on the versions and aliases (`<arn>:*`) of one named step function of this stack, as CDK LambdaInvoke grants it; no other function is reachable.',
      });
    }
    for (const childExecutions of [':*', '/*:*']) {
      Validations.of(this.stateMachine).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${nagArnScope(this)}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${Stack.of(this).getLogicalId(this.stateMachine.node.defaultChild as CfnStateMachine)}"}]}]}${childExecutions}]`,
        reason:
          "The Distributed Map's child executions of this state machine only (CDK's DistributedMapPolicy: start, describe, stop them); Step Functions names child executions at run time, so no exact ARN exists at deploy time.",
      });
    }
  }
}

type InvokeOptions = Pick<
  ConstructorParameters<typeof LambdaInvoke>[2],
  'payload' | 'resultSelector' | 'resultPath' | 'outputPath'
>;

/**
 * A LambdaInvoke with CDK's default retry on Lambda service errors (2 s, ×2, 6 attempts:
 * https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html) plus a
 * retry on throttling, which a wide load Map can cause, with full jitter so retries spread out.
 * Handler errors (a lost target, bad input) are not retried: re-running a suite resends
 * transactions to the vendor's chain; they go to the Catch instead.
 */
function invoke(scope: Construct, id: string, fn: IFunction, options: InvokeOptions): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    retryOnServiceExceptions: true,
    ...options,
  });
  task.addRetry({
    errors: ['Lambda.TooManyRequestsException'],
    interval: Duration.seconds(5),
    maxAttempts: 8,
    backoffRate: 2,
    maxDelay: Duration.minutes(2),
    jitterStrategy: JitterType.FULL,
  });
  return task;
}
