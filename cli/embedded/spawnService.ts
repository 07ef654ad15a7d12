import { spawn } from 'node:child_process';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';

export interface SpawnServiceOptions {
  /** Human name for messages, e.g. "anvil". */
  readonly name: string;
  /** The service's own executable, never a wrapper (npx, a shell): the PID we hold must be the service's. */
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** What to tell the operator when `command` does not exist (ENOENT); @default "<command> not found" */
  readonly missingMessage?: string;
  /** Time between SIGTERM and SIGKILL in `stop()`; @default 3_000 */
  readonly stopGraceMs?: number;
  /** Called with each complete line the service prints (stdout and stderr), e.g. to spot a fatal error early. */
  readonly onLine?: (line: string) => void;
}

/** A long-running child process in its own process group, owned by this process until it is gone. */
export interface RunningService {
  readonly name: string;
  /** PID of the service's process, also the id of its process group. */
  readonly pid: number;
  /** Resolves with the exit code (null when ended by a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  /** True once the process has exited. */
  readonly hasExited: boolean;
  /** True once stop() or kill() was called: an exit after that is ours, not the service failing. */
  readonly stopRequested: boolean;
  /** The last 2 KB the service printed (stdout and stderr interleaved), for error messages. */
  output(): string;
  /** SIGTERM to the group, SIGKILL after the grace period; resolves once no process of the group is left. */
  stop(): Promise<void>;
  /** SIGKILL to the group, now (a second interrupt); `exited` still resolves once the process is reaped. */
  kill(): void;
}

const outputTailChars = 2_000;
const defaultStopGraceMs = 3_000;

/** Services started by this process and not yet exited: what the 'exit' hook must not leave behind. */
const live = new Set<RunningService>();
let exitHookInstalled = false;

/**
 * Starts a long-running child in its own process group (`detached: true`), so a terminal's Ctrl-C,
 * which signals the whole foreground group, reaches only the CLI, and the CLI decides when the
 * service stops (shared/reference/toolchain.md, "Processes, signals, terminals"). Resolves once the
 * process runs; a command that cannot be started rejects with one line.
 *
 * A detached child outlives its parent, so every live service is SIGKILLed when this process exits
 * without stopping it (uncaught error, process.exit). That cannot cover a parent killed by a signal
 * it does not handle: the CLI handles SIGINT/SIGTERM/SIGHUP and calls stopAllServices().
 */
export async function spawnService(options: SpawnServiceOptions): Promise<RunningService> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EnvironmentError(
          error.code === 'ENOENT'
            ? (options.missingMessage ?? `${options.name} could not be started: ${options.command} not found`)
            : `${options.name} could not be started: ${options.command} (${error.code ?? error.message})`,
          { cause: error },
        ),
      ),
    );
  });
  const pid = child.pid;
  if (pid === undefined) throw new EnvironmentError(`${options.name} could not be started (no process id)`);

  let tail = '';
  const keep = (text: string) => {
    tail = (tail + text).slice(-outputTailChars);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => {
      keep(text);
      if (!options.onLine) return;
      const lines = (partial + text).split('\n');
      partial = (lines.pop() ?? '').slice(-outputTailChars);
      for (const line of lines) options.onLine(line.replace(/\r$/, ''));
    });
    stream.on('end', () => {
      if (partial !== '') options.onLine?.(partial);
      partial = '';
    });
  }

  let hasExited = false;
  let stopRequested = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      hasExited = true;
      live.delete(service);
      // Whatever the service left in its group (a helper it forked) goes with it. Done at once: the
      // group id stays reserved while any member lives, so this cannot reach an unrelated process.
      signalGroup(pid, 'SIGKILL');
      resolve(code);
    }),
  );

  const kill = () => {
    stopRequested = true;
    if (!hasExited) signalGroup(pid, 'SIGKILL');
  };
  const stop = async () => {
    stopRequested = true;
    if (hasExited) return;
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), options.stopGraceMs ?? defaultStopGraceMs);
    await exited;
    clearTimeout(timer);
  };

  const service: RunningService = {
    name: options.name,
    pid,
    exited,
    get hasExited() {
      return hasExited;
    },
    get stopRequested() {
      return stopRequested;
    },
    output: () => tail,
    stop,
    kill,
  };
  live.add(service);
  installExitHook();
  return service;
}

/** Stops every service still running (SIGTERM, then SIGKILL after its grace period); resolves once all are gone. */
export async function stopAllServices(): Promise<void> {
  await Promise.all([...live].map((service) => service.stop()));
}

/** SIGKILLs every service still running, synchronously: for a second interrupt, or an 'exit' handler. */
export function killAllServices(): void {
  for (const service of live) service.kill();
}

/** PIDs of the services this process started that have not exited yet. */
export function liveServicePids(): number[] {
  return [...live].map((service) => service.pid);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers run synchronously and cannot wait: SIGKILL is the only stop that needs no waiting.
  process.on('exit', killAllServices);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
