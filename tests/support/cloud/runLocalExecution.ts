import { join } from 'node:path';
import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { invokeLambdaBundle, LambdaInvocationError } from './invokeLambdaBundle.ts';
import { type IntrinsicValues, renderIntrinsics } from './renderIntrinsics.ts';
import type { CfnResource, SynthesizedApp } from './synthesizeCloudApp.ts';

// aws-local-stepfunctions 3 calls Promise.withResolvers, which Node 20 lacks (toolchain.md).
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const region = 'us-east-1';
const account = '123456789012';

/** An event of the emulator's execution log (its own type is not exported). */
export interface ExecutionEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface LocalServices {
  /** Replaces the table's `Ref` in every function environment (a table the test created). */
  readonly tableName: string;
  /** `AWS_ENDPOINT_URL_DYNAMODB` of every function: DynamoDB Local. */
  readonly dynamoEndpoint: string;
  /** `AWS_ENDPOINT_URL_SECRETS_MANAGER` of every function (startSecretsManagerStub). */
  readonly secretsManagerEndpoint: string;
  /** `AWS_ENDPOINT_URL_KMS` of every function (startKmsStub). */
  readonly kmsEndpoint: string;
  /** The report signing key's `Arn` in every function environment (the KMS stub's key). */
  readonly reportSigningKeyArn: string;
  /** `AWS_ENDPOINT_URL_S3` of every function (startS3Stub). */
  readonly s3Endpoint: string;
  /** Replaces the report bucket's `Ref` in every function environment. */
  readonly reportBucketName: string;
}

export interface LocalInvocation {
  readonly state: string;
  readonly functionLogicalId: string;
  readonly bundlePath: string;
  readonly runtime: string;
  /** The event the function received (a state's `Payload`): which shard, from which start, say. */
  readonly event: unknown;
}

export interface LocalExecution {
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly output: unknown;
  /** Error and cause of a failed execution (a Fail state's, or the uncaught one). */
  readonly error?: string;
  readonly cause?: string;
  readonly events: readonly ExecutionEvent[];
  /** Every Lambda invocation the execution made, in order. */
  readonly invocations: readonly LocalInvocation[];
  /** Every line the functions wrote (their CloudWatch logs). */
  readonly logs: readonly string[];
}

interface LambdaInvokeState {
  readonly Type: 'Task';
  Resource: string;
  Parameters?: { FunctionName?: string };
  TimeoutSeconds?: number;
}

/**
 * Executes the synthesized state machine with aws-local-stepfunctions, every Task bound to the real
 * esbuild bundle of its function from the cloud assembly, run in its own Node process with the
 * environment the template gives that function (shared/reference/toolchain.md "Running the cloud
 * state machine locally"). What is emulated, and only that:
 * - Step Functions itself (aws-local-stepfunctions; StartExecution is a `run()` call);
 * - the Lambda service: invocation shape (`{FunctionName, Payload}` in, `{Payload}` out, errors as
 *   `Error` = errorType and `Cause` = the runtime's JSON), the function's timeout;
 * - `$$.State.EnteredTime`, which the emulator's context lacks: read as the moment the state reads it;
 * - AWS's endpoints: DynamoDB is DynamoDB Local; Secrets Manager, KMS and S3 the caller's stubs.
 * A Task that is not a Lambda invoke of a function in the template fails the run before it starts:
 * without an override, the emulator would call real AWS.
 */
export async function runLocalExecution(
  app: SynthesizedApp,
  services: LocalServices,
  input: Record<string, unknown>,
  options: {
    readonly timeoutMs?: number;
    /** Awaited before each Lambda invocation starts: lets a test act at a given step (stop the chain, say). */
    readonly beforeInvoke?: (state: string) => Promise<void>;
    /**
     * A state whose function is invoked a second time with the same event after its first
     * invocation succeeded, as a Task Retry does when Lambda's answer is lost (Lambda.ServiceException
     * after the function ran): the function must then be idempotent. The second answer is the state's.
     */
    readonly invokeTwice?: string;
  } = {},
): Promise<LocalExecution> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const resources = Object.entries(app.template.Resources);
  const functions = new Map(resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function'));
  const [table] = resources.filter(([, r]) => r.Type === 'AWS::DynamoDB::Table');
  const keys = resources.filter(([, r]) => r.Type === 'AWS::KMS::Key');
  // The report bucket is the one whose access is logged; the other holds its access logs.
  const reportBuckets = resources.filter(
    ([, r]) => r.Type === 'AWS::S3::Bucket' && r.Properties?.LoggingConfiguration !== undefined,
  );
  const machines = resources.filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1 || !machines[0] || !table || keys.length !== 1 || reportBuckets.length !== 1) {
    throw new Error('the template must hold one state machine, a table, a KMS key and a report bucket');
  }
  const refs: Record<string, string> = {
    'AWS::Partition': 'aws',
    'AWS::Region': region,
    'AWS::AccountId': account,
    'AWS::URLSuffix': 'amazonaws.com',
    [table[0]]: services.tableName,
    [reportBuckets[0]?.[0] ?? '']: services.reportBucketName,
  };
  // Attributes a function environment reads: the signing key's ARN (finalize).
  const environmentAttributes = { [`${keys[0]?.[0]}.Arn`]: services.reportSigningKeyArn };
  const attributes: Record<string, string> = { ...environmentAttributes };
  for (const id of functions.keys()) {
    refs[id] = id;
    attributes[`${id}.Arn`] = functionArn(id);
  }
  const rendered = renderIntrinsics(machines[0][1].Properties?.DefinitionString, { refs, attributes });
  const definition = JSON.parse(String(rendered)) as StateMachineDefinition;

  const invocations: LocalInvocation[] = [];
  const logs: string[] = [];
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [stateName, state] of lambdaTasks(definition)) {
    const functionName = state.Parameters?.FunctionName ?? '';
    const logicalId = functionName.split(':').at(-1) ?? '';
    const fn = functions.get(logicalId);
    if (
      state.Resource !== 'arn:aws:states:::lambda:invoke' ||
      !fn ||
      functionName !== functionArn(logicalId)
    ) {
      throw new Error(`state ${stateName} is not a Lambda invoke of a function in the template`);
    }
    const { bundlePath, environment, timeoutS, runtime } = functionSetup(
      app,
      logicalId,
      fn,
      { refs, attributes: environmentAttributes },
      services,
    );
    // The emulator gives every Task 60 s unless it says otherwise (toolchain.md); in AWS a Task that
    // invokes a Lambda waits for the function, whose own timeout (enforced below) ends it.
    state.TimeoutSeconds = timeoutS + 5;
    handlers[stateName] = async (taskInput) => {
      const { Payload } = taskInput as { Payload: unknown };
      await options.beforeInvoke?.(stateName);
      invocations.push({
        state: stateName,
        functionLogicalId: logicalId,
        bundlePath,
        runtime,
        event: Payload,
      });
      const invoke = () =>
        invokeLambdaBundle({
          bundlePath,
          environment,
          timeoutS,
          event: Payload,
          log: (line) => logs.push(line),
        });
      let payload = await invoke();
      if (options.invokeTwice === stateName) {
        invocations.push({
          state: stateName,
          functionLogicalId: logicalId,
          bundlePath,
          runtime,
          event: Payload,
        });
        payload = await invoke();
      }
      return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
    };
  }
  const unbound = allTaskStates(definition).filter((name) => handlers[name] === undefined);
  if (unbound.length > 0) throw new Error(`Task states without a local function: ${unbound.join(', ')}`);

  const machine = new StateMachine(definition);
  const execution = machine.run(input as never, {
    overrides: { taskResourceLocalHandlers: handlers as never },
    context: {
      State: {
        get EnteredTime() {
          return new Date().toISOString();
        },
      },
    },
  });
  const events: ExecutionEvent[] = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) events.push(event as unknown as ExecutionEvent);
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      execution.abort();
      reject(new Error(`the local execution took longer than ${timeoutMs} ms; aborted`));
    }, timeoutMs);
  });
  try {
    const output = await Promise.race([execution.result, deadline]);
    await collecting;
    return { status: 'SUCCEEDED', output, events, invocations, logs };
  } catch (error) {
    if (!(error instanceof ExecutionError)) throw error;
    await collecting.catch(() => undefined);
    const failed = events.find((e) => e.type === 'ExecutionFailed') as
      | { Error?: string; Cause?: string }
      | undefined;
    const caught = error.cause instanceof LambdaInvocationError ? error.cause : undefined;
    return {
      status: 'FAILED',
      output: undefined,
      error: failed?.Error ?? caught?.name ?? 'unknown',
      cause: failed?.Cause ?? caught?.message ?? error.message,
      events,
      invocations,
      logs,
    };
  } finally {
    clearTimeout(timer);
  }
}

function functionArn(logicalId: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${logicalId}`;
}

/** The bundle, environment and limits a Lambda function has once deployed. */
function functionSetup(
  app: SynthesizedApp,
  logicalId: string,
  fn: CfnResource,
  intrinsics: IntrinsicValues,
  services: LocalServices,
) {
  const assetPath = fn.Metadata?.['aws:asset:path'];
  if (typeof assetPath !== 'string') throw new Error(`function ${logicalId} has no bundled asset`);
  const props = fn.Properties ?? {};
  const variables = renderIntrinsics(
    (props.Environment as { Variables?: unknown } | undefined)?.Variables ?? {},
    intrinsics,
  ) as Record<string, string>;
  const timeoutS = Number(props.Timeout ?? 3);
  const memory = String(props.MemorySize ?? 128);
  const runtime = String(props.Runtime);
  return {
    bundlePath: join(app.outDir, assetPath, 'index.mjs'),
    timeoutS,
    runtime,
    environment: {
      ...variables,
      // What the Lambda runtime sets (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html).
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: logicalId,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: memory,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      // The execution role's session credentials; local services accept any.
      AWS_ACCESS_KEY_ID: 'ASIALOCALEXECUTIONROLE',
      AWS_SECRET_ACCESS_KEY: 'local-secret-access-key',
      AWS_SESSION_TOKEN: 'local-session-token',
      // The bundled SDK reads these (toolchain.md), so the handlers reach local services unchanged.
      AWS_ENDPOINT_URL_DYNAMODB: services.dynamoEndpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: services.secretsManagerEndpoint,
      AWS_ENDPOINT_URL_KMS: services.kmsEndpoint,
      AWS_ENDPOINT_URL_S3: services.s3Endpoint,
    },
  };
}

type States = Record<
  string,
  {
    Type: string;
    Branches?: StateMachineDefinition[];
    ItemProcessor?: StateMachineDefinition;
    Iterator?: StateMachineDefinition;
  }
>;

function* walkStates(definition: StateMachineDefinition): Generator<[string, States[string]]> {
  for (const [name, state] of Object.entries(definition.States as unknown as States)) {
    yield [name, state];
    for (const branch of state.Branches ?? []) yield* walkStates(branch);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) yield* walkStates(processor);
  }
}

function lambdaTasks(definition: StateMachineDefinition): [string, LambdaInvokeState][] {
  return [...walkStates(definition)]
    .filter(([, s]) => s.Type === 'Task' && (s as unknown as LambdaInvokeState).Resource.includes(':lambda:'))
    .map(([name, s]) => [name, s as unknown as LambdaInvokeState]);
}

function allTaskStates(definition: StateMachineDefinition): string[] {
  return [...walkStates(definition)].filter(([, s]) => s.Type === 'Task').map(([name]) => name);
}
