import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StartExecutionCall {
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: unknown;
  readonly authorization: string;
}

export interface StepFunctionsStub {
  /** Point the SDK here: `AWS_ENDPOINT_URL_SFN`. */
  readonly endpoint: string;
  readonly calls: readonly StartExecutionCall[];
  close(): Promise<void>;
}

/**
 * Step Functions' `StartExecution` (AWS JSON 1.0 protocol) on 127.0.0.1, with the service's name
 * rule: a second execution of one name is refused with ExecutionAlreadyExists. No local Step
 * Functions API is installable here (toolchain.md); the handler and the bundled SDK's signed
 * request are real up to this server. Running the execution is tests/e2e/cloudRun.test.ts's part.
 */
export async function startStepFunctionsStub(
  options: {
    /**
     * Called with each execution the stub accepts (not a refused duplicate), after its answer is
     * sent: a test runs the execution here (runLocalExecution), as the service would start it.
     */
    readonly onStart?: (call: StartExecutionCall) => void;
  } = {},
): Promise<StepFunctionsStub> {
  const calls: StartExecutionCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = (status: number, payload: Record<string, unknown>) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(payload));
      };
      if (req.headers['x-amz-target'] !== 'AWSStepFunctions.StartExecution') {
        answer(400, {
          __type: 'InvalidRequest',
          message: `${String(req.headers['x-amz-target'])} is not emulated`,
        });
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
      const name = body.name ?? '';
      const exists = calls.some((c) => c.name === name);
      const call: StartExecutionCall = {
        stateMachineArn: body.stateMachineArn ?? '',
        name,
        input: JSON.parse(body.input ?? 'null'),
        authorization: String(req.headers.authorization ?? ''),
      };
      calls.push(call);
      if (exists) {
        answer(400, { __type: 'ExecutionAlreadyExists', message: `Execution Already Exists: '${name}'` });
        return;
      }
      answer(200, {
        executionArn: `${body.stateMachineArn?.replace(':stateMachine:', ':execution:')}:${name}`,
        startDate: Date.now() / 1_000,
      });
      options.onStart?.(call);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
