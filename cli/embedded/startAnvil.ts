import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { assertPortFree } from './assertPortFree.ts';
import { findFreePort } from './findFreePort.ts';

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
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
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

/** Starts anvil on 127.0.0.1 and resolves once it answers JSON-RPC. */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<RunningAnvil> {
  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined) await assertPortFree(port, 'the embedded chain');
  const args = ['--host', '127.0.0.1', '--port', String(port), '--silent'];
  if (options.blockTimeS !== undefined) args.push('--block-time', String(options.blockTimeS));
  if (options.gasLimit !== undefined) args.push('--gas-limit', options.gasLimit.toString());
  const child = spawn(anvilBinaryPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, exited, options.readyTimeoutMs ?? 10_000, () => stderr);
  return { url, port, pid: child.pid ?? -1, exited, stop: () => stopChild(child, exited) };
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (Date.now() < deadline) {
    if (done)
      throw new EnvironmentError(`anvil exited before it was ready: ${stderr().trim() || 'no output'}`);
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
  await stopChild(child, exited);
  throw new EnvironmentError(`anvil did not answer on ${url} within ${timeoutMs} ms`);
}

/** Stops a child we started, by its PID: SIGTERM, then SIGKILL after 3 s. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
