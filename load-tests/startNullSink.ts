import { type ChildProcess, fork } from 'node:child_process';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';

export interface NullSink {
  /** http://127.0.0.1:<free port> */
  readonly url: string;
  /** CPU seconds the sink's process has used so far. */
  cpuSeconds(): Promise<number>;
  /** Ends the sink's process (idempotent). */
  stop(): Promise<void>;
}

const bodyUrl = new URL('./nullSinkProcess.mjs', import.meta.url);
const startTimeoutMs = 15_000;

/**
 * Starts the null sink (nullSinkProcess.mjs: acknowledges every transaction at once) in a child
 * process of its own on a free port of 127.0.0.1. A child process rather than a worker thread: the
 * sink then neither shares the generator's event loop nor counts in the generator's CPU time
 * (process.cpuUsage covers every thread of a process). The child exits with its parent.
 */
export async function startNullSink(): Promise<NullSink> {
  const child: ChildProcess = fork(bodyUrl, [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new EnvironmentError(`the null sink did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('message', (m: { port?: unknown }) => {
      clearTimeout(timer);
      if (typeof m?.port === 'number') resolve(m.port);
      else reject(new EnvironmentError('the null sink did not say which port it listens on'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EnvironmentError(`the null sink exited before listening (exit code ${code})`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EnvironmentError(`the null sink could not start: ${error.message.split('\n')[0]}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    cpuSeconds: () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new EnvironmentError('the null sink did not answer')), 5_000);
        const onMessage = (m: { cpuUs?: unknown }) => {
          if (typeof m?.cpuUs !== 'number') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(m.cpuUs / 1e6);
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
