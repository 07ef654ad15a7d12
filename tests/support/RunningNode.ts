import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assertListensOn } from '#cli/embedded/assertListensOn.ts';
import { assertPortFree } from '#cli/embedded/assertPortFree.ts';
import { findFreePort } from '#cli/embedded/findFreePort.ts';
import { spawnService } from '#cli/embedded/spawnService.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';

/** A dev chain node we started on 127.0.0.1 and own until `stop()`. */
export interface RunningNode {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** PID of the node's own process, also the id of its process group. */
  readonly pid: number;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to the process group, SIGKILL after 3 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** A key funded at genesis that the node also holds (it appears in `eth_accounts`). */
  readonly devPrivateKey: `0x${string}`;
  /** The chain id the node answers to `eth_chainId` (checked at start-up). */
  readonly chainId: number;
}

export interface StartNodeOptions {
  /** @default - a free port chosen by the OS */
  readonly port?: number;
  /** @default 20_000 (Hardhat and ganache take about a second; more on a busy two-core machine) */
  readonly readyTimeoutMs?: number;
}

/** How to run one kind of node: its npm package, its CLI arguments, what it must answer. */
export interface NodeLaunch {
  /** Human name for messages, e.g. "Hardhat". */
  readonly name: string;
  /** npm package whose `bin` entry is the node's CLI, run with this Node.js (never via npx). */
  readonly packageName: string;
  readonly binName: string;
  readonly args: (port: number) => readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly devPrivateKey: `0x${string}`;
  readonly chainId: number;
}

/**
 * Path of a package's JS CLI entry, from the `bin` field of its package.json. Spawning it with
 * `process.execPath` makes the PID we hold the node's own process, so our signals reach it.
 */
export function packageBinEntry(packageName: string, binName: string): string {
  const require = createRequire(import.meta.url);
  let packageJsonPath: string;
  try {
    packageJsonPath = require.resolve(`${packageName}/package.json`);
  } catch (cause) {
    throw new EnvironmentError(`${packageName} is not installed; run "npm install" (it is a devDependency)`, {
      cause,
    });
  }
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const entry = typeof bin === 'string' ? bin : bin?.[binName];
  if (entry === undefined)
    throw new EnvironmentError(
      `${packageName} declares no "${binName}" executable; reinstall it with "npm ci" (package.json pins the version)`,
    );
  return join(dirname(packageJsonPath), entry);
}

/**
 * Starts a node in its own process group, bound to 127.0.0.1, and resolves once `eth_chainId`
 * answers with the expected chain id. Output is discarded except its last 2 KB, kept for errors.
 */
export async function startNode(launch: NodeLaunch, options: StartNodeOptions = {}): Promise<RunningNode> {
  // A port found free can be taken by another test's process before the node binds it: then try
  // another port (a few times), unless the caller asked for this one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startNodeOnce(launch, options);
    } catch (error) {
      const portTaken =
        error instanceof EnvironmentError && /another process (answers on|took) port/.test(error.message);
      if (!portTaken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function startNodeOnce(launch: NodeLaunch, options: StartNodeOptions): Promise<RunningNode> {
  const entry = packageBinEntry(launch.packageName, launch.binName);
  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined) await assertPortFree(port, launch.name);
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;

  // spawnService: own process group, last 2 KB of output, SIGKILL if this process exits without stop().
  const service = await spawnService({
    name: launch.name,
    command: process.execPath,
    args: [entry, ...launch.args(port)],
    ...(launch.cwd === undefined ? {} : { cwd: launch.cwd }),
    env: { ...process.env, ...launch.env },
  });
  const { stop } = service;

  const url = `http://127.0.0.1:${port}`;
  const details = () => `last output of ${launch.name}:\n${service.output().trim() || '(none)'}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (service.hasExited)
      throw new EnvironmentError(
        `${launch.name} exited before it answered on ${url}: ${errorLine(service.output())}; fix that and retry`,
        { details: details() },
      );
    const chainId = await readChainId(url);
    if (chainId === launch.chainId) {
      // Hardhat and anvil share chain id 31337: make sure the answer came from this node.
      try {
        await assertListensOn(service.pid, port, launch.name);
      } catch (error) {
        await stop();
        throw error;
      }
      break;
    }
    if (chainId !== undefined) {
      await stop();
      throw new EnvironmentError(
        `${url} answered chain id ${chainId}, not ${launch.name}'s ${launch.chainId}; another process took port ${port}, retry or pick another port`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new EnvironmentError(
        `${launch.name} did not answer on ${url} within ${readyTimeoutMs} ms; raise readyTimeoutMs on a busy machine`,
        { details: details() },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    port,
    pid: service.pid,
    exited: service.exited,
    stop,
    devPrivateKey: launch.devPrivateKey,
    chainId: launch.chainId,
  };
}

/** The line of a node's output that names its error (not a stack frame), for a one-line message. */
function errorLine(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const line = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? 'no output';
  return line.slice(0, 300).replace(/[.:;]$/, '');
}

/** The node's `eth_chainId` as a number, or undefined while it does not answer yet. */
async function readChainId(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      signal: AbortSignal.timeout(1_000),
    });
    if (!response.ok) return undefined;
    const { result } = (await response.json()) as { result?: unknown };
    return typeof result === 'string' ? Number(result) : undefined;
  } catch {
    return undefined; // not listening yet
  }
}
