import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LambdaBundleInvocation {
  /** The bundle's entry module (`<cdk.out>/asset.<hash>/index.mjs`). */
  readonly bundlePath: string;
  /** The process environment of the function: its template variables plus the runtime's own. */
  readonly environment: Readonly<Record<string, string>>;
  /** The function's `Timeout`: the invocation is killed after it, as Lambda does. */
  readonly timeoutS: number;
  readonly event: unknown;
  /** Receives every line the function writes (its CloudWatch log stream). */
  readonly log: (line: string) => void;
}

/** What the Lambda service reports for a function error (the `Cause` Step Functions records). */
export interface LambdaFunctionError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

/** A function error, named as Step Functions names it (`Error` = errorType, `Cause` = the JSON). */
export class LambdaInvocationError extends Error {
  constructor(readonly functionError: LambdaFunctionError) {
    super(JSON.stringify(functionError));
    this.name = functionError.errorType;
  }
}

const runtimeModule = fileURLToPath(new URL('./lambdaBundleRuntime.mjs', import.meta.url));

/**
 * Runs one invocation of a real Lambda bundle in its own Node process with exactly the function's
 * environment, as a fresh (cold) execution environment would: concurrent invocations (the Parallel
 * suites, the Map's shards) cannot share module state or `process.env`, and a timeout kills the
 * process. Resolves with the handler's result; rejects with a LambdaInvocationError otherwise.
 */
export function invokeLambdaBundle(invocation: LambdaBundleInvocation): Promise<unknown> {
  const child = fork(runtimeModule, [], {
    env: { ...invocation.environment },
    // No loaders or flags of the test process (vitest, tsx): the bundle runs on plain Node.
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') invocation.log(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() =>
        reject(
          new LambdaInvocationError({
            errorType: 'Sandbox.Timedout',
            errorMessage: `Task timed out after ${invocation.timeoutS.toFixed(2)} seconds`,
            trace: [],
          }),
        ),
      );
    }, invocation.timeoutS * 1_000);
    child.once('message', (message) => {
      const reply = message as { ok: boolean; payload?: unknown; error?: LambdaFunctionError };
      settle(() =>
        reply.ok || reply.error === undefined
          ? resolve(reply.payload ?? null)
          : reject(new LambdaInvocationError(reply.error)),
      );
    });
    child.once('exit', (code, signal) =>
      settle(() =>
        reject(
          new LambdaInvocationError({
            errorType: 'Runtime.ExitError',
            errorMessage: `RequestId: local Error: Runtime exited with error: ${signal ?? `exit status ${code}`}`,
            trace: [],
          }),
        ),
      ),
    );
    child.send({
      bundlePath: invocation.bundlePath,
      event: invocation.event,
      deadlineMs: Date.now() + invocation.timeoutS * 1_000,
    });
  });
}
