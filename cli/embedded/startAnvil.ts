import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { assertPortFree } from './assertPortFree.ts';
import { findFreePort } from './findFreePort.ts';
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
  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined) await assertPortFree(port, 'the embedded chain');
  const args = ['--host', '127.0.0.1', '--port', String(port), '--silent'];
  if (options.blockTimeS !== undefined) args.push('--block-time', String(options.blockTimeS));
  if (options.gasLimit !== undefined) args.push('--gas-limit', options.gasLimit.toString());
  const service = await spawnService({ name: 'anvil', command: anvilBinaryPath(), args });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, service, options.readyTimeoutMs ?? 10_000);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { url, port, pid: service.pid, exited: service.exited, stop: service.stop, kill: service.kill };
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
