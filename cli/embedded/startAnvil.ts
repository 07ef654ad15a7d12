import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NodeControlApi } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { assertListensOn } from './assertListensOn.ts';
import { assertPortFree } from './assertPortFree.ts';
import { findFreePort } from './findFreePort.ts';
import { listeningPorts } from './listeningPorts.ts';
import { type RunningService, spawnService } from './spawnService.ts';

/** anvil's first deterministic dev account (mnemonic "test test … junk"): funded on every start. */
export const anvilDevPrivateKey =
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' as const;

export interface StartAnvilOptions {
  /** @default - a free port chosen by the OS */
  readonly port?: number;
  /** Interval mining; @default - automine (a block per transaction) */
  readonly blockTimeS?: number;
  /** @default 30_000_000, anvil's own default */
  readonly gasLimit?: bigint;
  /** @default 10_000 */
  readonly readyTimeoutMs?: number;
  /**
   * Keep the chain in this file across restarts: `--state FILE --preserve-historical-states`, written
   * when anvil stops (SIGTERM included) and loaded when it starts. Measured on anvil 1.7.1: blocks,
   * transactions, receipts and balances survive a restart; without --preserve-historical-states,
   * state at blocks before the restart is refused (-32602 BlockOutOfRangeError). But anvil 1.7.1 also
   * makes a new genesis block at each start and keeps it beside the loaded one: after a restart in a
   * later second than the first start, eth_getBlockByNumber(0) answers either genesis (15-17 of 20
   * restarts in our measurement the new one, while block 1's parentHash names the old), which OPS-03
   * reports. An existing file is loaded, so give each run a fresh path.
   * @default - in memory: a restart starts a fresh chain
   */
  readonly stateFile?: string;
}

export interface RunningAnvil {
  readonly url: string;
  readonly port: number;
  /** PID of anvil, also the id of its own process group (a terminal's Ctrl-C does not reach it). */
  readonly pid: number;
  /** Resolves with the exit code (null when ended by a signal) once anvil has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to anvil's group, SIGKILL after 3 s; resolves once it is gone. */
  stop(): Promise<void>;
  /** SIGKILL to anvil's group, now (a second interrupt). */
  kill(): void;
  /**
   * Node control (`node.control`): stops anvil without ending it for good; `exited` stays pending
   * until stop() or kill(), so a run does not read a controlled stop as the chain dying.
   */
  stopNode(): Promise<void>;
  /** Starts anvil again on the same port (loading `stateFile`, if any) and resolves once it answers. */
  startNode(): Promise<void>;
  /** stopNode() then startNode(). */
  restart(): Promise<void>;
}

/**
 * Path of the anvil binary shipped in `@foundry-rs/anvil-<platform>`. The binary is spawned
 * directly: SIGTERM to `npx anvil` would leave anvil orphaned (shared/reference/toolchain.md).
 */
export function anvilBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', 'anvil');
  } catch (cause) {
    throw new EnvironmentError(
      `the anvil binary package ${pkg} is not installed; run "npm install" (anvil ships for linux/darwin x64/arm64)`,
      { cause },
    );
  }
}

/** Starts anvil on 127.0.0.1, in its own process group, and resolves once it answers JSON-RPC. */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<RunningAnvil> {
  // On Linux anvil binds a port the OS picks (--port 0) and the kernel says which: a port found free
  // beforehand can be taken by another process before anvil binds it (see listeningPorts). A restart
  // reuses the port anvil got, so the endpoint's URL stays the same.
  let port = options.port ?? (process.platform === 'linux' ? 0 : await findFreePort());
  if (options.port !== undefined) await assertPortFree(port, 'the embedded chain');
  const args = () => {
    const list = ['--host', '127.0.0.1', '--port', String(port), '--silent'];
    if (options.blockTimeS !== undefined) list.push('--block-time', String(options.blockTimeS));
    if (options.gasLimit !== undefined) list.push('--gas-limit', options.gasLimit.toString());
    if (options.stateFile !== undefined)
      list.push('--state', options.stateFile, '--preserve-historical-states');
    return list;
  };
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  const launch = async (): Promise<RunningService> => {
    const started = await spawnService({ name: 'anvil', command: anvilBinaryPath(), args: args() });
    try {
      if (port === 0) port = await waitForListener(started, readyTimeoutMs);
      await waitUntilReady(`http://127.0.0.1:${port}`, started, readyTimeoutMs);
      await assertListensOn(started.pid, port, 'anvil');
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  };
  let service = await launch();
  const url = `http://127.0.0.1:${port}`;
  /** stop() or kill() was called, or a restart failed: anvil is gone for good. */
  let ended = false;
  /** stopNode() stopped it: its exit is an experiment, not the chain dying. */
  let paused = false;
  let endWith: (code: number | null) => void = () => {};
  const exited = new Promise<number | null>((resolve) => {
    endWith = (code) => {
      ended = true;
      resolve(code);
    };
  });
  const watch = (watched: RunningService) => {
    void watched.exited.then((code) => {
      if (watched === service && (!paused || ended)) endWith(code);
    });
  };
  watch(service);
  const stopNode = async () => {
    if (ended) throw new EnvironmentError('anvil was stopped for good; it cannot be controlled any more');
    paused = true;
    await service.stop();
  };
  const startNode = async () => {
    if (ended) throw new EnvironmentError('anvil was stopped for good; it cannot be started again');
    if (!service.hasExited) return;
    try {
      service = await launch();
    } catch (error) {
      endWith(null);
      throw error;
    }
    paused = false;
    watch(service);
  };
  return {
    url,
    port,
    get pid() {
      return service.pid;
    },
    exited,
    async stop() {
      ended = true;
      if (service.hasExited) endWith(null);
      else await service.stop();
      await exited;
    },
    kill() {
      ended = true;
      if (service.hasExited) endWith(null);
      else service.kill();
    },
    stopNode,
    startNode,
    async restart() {
      await stopNode();
      await startNode();
    },
  };
}

/**
 * The embedded anvil as the one controllable node of its network (`node.control`), endpoint 0. A
 * restart keeps the chain only when anvil was started with `stateFile`; without it anvil comes back
 * as a fresh chain, which OPS-03 reports as lost history.
 */
export function embeddedNodeControl(anvil: RunningAnvil): NodeControlApi {
  const only = (index: number) => {
    if (index !== 0)
      throw new ConfigError(
        `the embedded anvil is node 0, the only controllable node (asked for node ${index})`,
      );
  };
  return {
    nodes: [{ name: `embedded anvil (${anvil.url})`, role: 'validator', endpointIndex: 0 }],
    async stop(index) {
      only(index);
      await anvil.stopNode();
    },
    async start(index) {
      only(index);
      await anvil.startNode();
    },
    async restart(index) {
      only(index);
      await anvil.restart();
    },
  };
}

/** The port anvil started with `--port 0` bound, once the kernel lists its listener. */
async function waitForListener(service: RunningService, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.stopRequested) throw new EnvironmentError('anvil was stopped before it was ready');
    if (service.hasExited) {
      const output = service.output().trim();
      throw new EnvironmentError(
        `anvil exited before it was ready: ${output.split('\n').at(-1)?.trim() || 'no output'}`,
        { details: output },
      );
    }
    const ports = await listeningPorts(service.pid);
    if (ports === undefined) {
      throw new EnvironmentError(
        `cannot read which port anvil (pid ${service.pid}) bound from /proc; pass an explicit port`,
      );
    }
    if (ports[0] !== undefined) return ports[0];
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new EnvironmentError(`anvil did not listen on a port within ${timeoutMs} ms`);
}

async function waitUntilReady(url: string, service: RunningService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.stopRequested) throw new EnvironmentError('anvil was stopped before it was ready');
    if (service.hasExited) {
      const output = service.output().trim();
      throw new EnvironmentError(
        `anvil exited before it was ready: ${output.split('\n').at(-1)?.trim() || 'no output'}`,
        { details: output },
      );
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet: poll again until the deadline
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new EnvironmentError(`anvil did not answer on ${url} within ${timeoutMs} ms`);
}
