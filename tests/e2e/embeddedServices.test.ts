import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  killAllServices,
  liveServicePids,
  spawnService,
  stopAllServices,
} from '#cli/embedded/spawnService.ts';
import { startAnvil } from '#cli/embedded/startAnvil.ts';
import { javaMissingMessage, startDynamoLocal } from '#cli/embedded/startDynamoLocal.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { livingGroupMembers, processGroupOf, survivorsAfter } from '../support/processTable.ts';

/** The errno a signal-0 probe of `target` (a PID, or minus a process group id) gets; undefined if it exists. */
function probe(target: number): string | undefined {
  try {
    process.kill(target, 0);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

const ourGroup = processGroupOf(process.pid);

/**
 * Embedded services run in their own process group, so a terminal's Ctrl-C (SIGINT to the whole
 * foreground group) reaches only the CLI; they stop on stop(), and die with the process that started
 * them if it ends without stopping them. This file never signals its own process group.
 */
describe('spawnService', () => {
  // A test that failed may have left its service running; a passing test leaves nothing to kill.
  afterEach(() => killAllServices());

  it('puts the service in its own process group and stop() leaves no process', async () => {
    const service = await spawnService({ name: 'sleeper', command: 'sleep', args: ['60'] });
    expect(processGroupOf(service.pid)).toBe(service.pid);
    expect(service.pid).not.toBe(ourGroup);
    expect(liveServicePids()).toContain(service.pid);

    await service.stop();
    expect(service.hasExited).toBe(true);
    expect(probe(service.pid)).toBe('ESRCH');
    expect(probe(-service.pid)).toBe('ESRCH');
    expect(liveServicePids()).not.toContain(service.pid);
  });

  it('SIGKILLs a service that ignores SIGTERM once the grace period is over', async () => {
    const service = await spawnService({
      name: 'stubborn',
      command: 'sh',
      args: ['-c', "trap '' TERM; echo ready; while :; do sleep 1; done"],
      stopGraceMs: 200,
    });
    await waitForOutput(service.output, 'ready');
    await service.stop();
    expect(await service.exited).toBeNull();
    expect(await survivorsAfter([service.pid])).toEqual([]);
  });

  it('takes along what the service left in its group when the service itself ends', async () => {
    // The leader ends on SIGTERM; a helper that ignores SIGTERM is still in the group and must go too.
    const service = await spawnService({
      name: 'forker',
      command: 'sh',
      args: ['-c', "(trap '' TERM; while :; do sleep 1; done) & echo forked; exec sleep 60"],
    });
    await waitForOutput(service.output, 'forked');
    expect(livingGroupMembers(service.pid).length).toBeGreaterThan(1);
    await service.stop();
    expect(await survivorsAfter([service.pid])).toEqual([]);
  });

  it('keeps only the last 2 KB of output and hands over whole lines', async () => {
    const lines: string[] = [];
    const service = await spawnService({
      name: 'chatty',
      command: 'sh',
      args: ['-c', 'echo first; head -c 5000 /dev/zero | tr "\\0" x; echo; echo last >&2; exec sleep 60'],
      onLine: (line) => lines.push(line),
    });
    await waitForOutput(service.output, 'last');
    expect(service.output().length).toBeLessThanOrEqual(2_000);
    expect(service.output()).toMatch(/x+\nlast\n$/);
    expect(lines[0]).toBe('first');
    expect(lines).toContain('last');
    await service.stop();
  });

  it('kill() and killAllServices() SIGKILL at once, without waiting', async () => {
    const options = { command: 'sh', args: ['-c', "trap '' TERM INT; exec sleep 60"] } as const;
    const first = await spawnService({ name: 'first', ...options });
    const second = await spawnService({ name: 'second', ...options });
    const third = await spawnService({ name: 'third', ...options });
    first.kill();
    expect(await first.exited).toBeNull();
    killAllServices();
    expect(await Promise.all([second.exited, third.exited])).toEqual([null, null]);
    expect(liveServicePids()).toEqual([]);
  });

  it('stopAllServices() stops every live service', async () => {
    const services = await Promise.all(
      ['a', 'b'].map((name) => spawnService({ name, command: 'sleep', args: ['60'] })),
    );
    await stopAllServices();
    expect(services.map((s) => s.hasExited)).toEqual([true, true]);
    expect(services.map((s) => probe(-s.pid))).toEqual(['ESRCH', 'ESRCH']);
  });

  it('fails with one line when the command does not exist', async () => {
    const start = spawnService({
      name: 'tool',
      command: '/nonexistent/tool',
      args: [],
      missingMessage: 'tool not found; install it',
    });
    await expect(start).rejects.toThrow(EnvironmentError);
    await expect(start).rejects.toMatchObject({ shortMessage: 'tool not found; install it' });
  });
});

describe('embedded anvil and DynamoDB Local', () => {
  it('anvil runs in its own process group and stop() leaves no process', async () => {
    const anvil = await startAnvil();
    expect(processGroupOf(anvil.pid)).toBe(anvil.pid);
    expect(processGroupOf(anvil.pid)).not.toBe(ourGroup);
    await anvil.stop();
    expect(probe(anvil.pid)).toBe('ESRCH');
    expect(probe(-anvil.pid)).toBe('ESRCH');
  });

  it('DynamoDB Local runs in its own process group and stop() leaves no process', async () => {
    const dynamo = await startDynamoLocal();
    expect(processGroupOf(dynamo.pid)).toBe(dynamo.pid);
    expect(processGroupOf(dynamo.pid)).not.toBe(ourGroup);
    await dynamo.stop();
    expect(probe(dynamo.pid)).toBe('ESRCH');
    expect(probe(-dynamo.pid)).toBe('ESRCH');
  });

  it('fails with the install hint when java is missing', async () => {
    await expect(startDynamoLocal({ javaPath: '/nonexistent/java' })).rejects.toMatchObject({
      shortMessage: javaMissingMessage,
    });
  });
});

describe('a process that starts the services and ends without stopping them leaves none behind', () => {
  // Process groups this block created: the stand-ins (started detached) and the services they report.
  const groups: number[] = [];
  afterEach(() => {
    // A test that failed may have left them running; a passing test leaves nothing to kill.
    for (const group of groups.splice(0))
      if (livingGroupMembers(group).length > 0) process.kill(-group, 'SIGKILL');
  });

  it('on process.exit(), anvil and DynamoDB Local are gone', async () => {
    const child = runStandIn(groups, ['exit', '--dynamo']);
    const { anvil, dynamo } = (await child.nextLine()) as { anvil: number; dynamo: number };
    groups.push(anvil, dynamo);
    expect(await child.exitCode).toBe(0);
    expect(await survivorsAfter([anvil, dynamo])).toEqual([]);
  });

  it('on an uncaught error, anvil is gone', async () => {
    const child = runStandIn(groups, ['throw']);
    const { anvil } = (await child.nextLine()) as { anvil: number };
    groups.push(anvil);
    expect(await child.exitCode).toBe(1);
    expect(child.stderr()).toContain('the CLI crashed');
    expect(await survivorsAfter([anvil])).toEqual([]);
  });

  it("a Ctrl-C to the starter's process group does not reach anvil; the starter then stops it", async () => {
    const child = runStandIn(groups, ['sigint']);
    const { anvil } = (await child.nextLine()) as { anvil: number };
    groups.push(anvil);
    expect(processGroupOf(anvil)).not.toBe(child.pid);
    // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group (here the
    // stand-in's own group, never ours).
    process.kill(-child.pid, 'SIGINT');
    expect(await child.nextLine()).toEqual({ anvilAnsweredAfterSigint: true });
    expect(await child.exitCode).toBe(0);
    expect(probe(anvil)).toBe('ESRCH');
    expect(await survivorsAfter([anvil])).toEqual([]);
  });
});

describe('DynamoDB Local on an unusable data folder fails fast, naming the folder and the fix', () => {
  const root = mkdtempSync(join(tmpdir(), 'chaineval-ddb-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'a database file holding garbage',
      (dir) => {
        mkdirSync(dir);
        writeFileSync(join(dir, 'shared-local-instance.db'), randomBytes(5_000));
      },
      /\(SQLiteException: file is encrypted or is not a database\)/,
    ],
    [
      'a data folder that is a file',
      (dir) => writeFileSync(dir, 'not a folder'),
      /\(it is a file, not a folder\)/,
    ],
    [
      'a database file that is a folder',
      (dir) => mkdirSync(join(dir, 'shared-local-instance.db'), { recursive: true }),
      /\(SQLiteException: unable to open database file\)/,
    ],
  ];

  it.each(cases)('%s', async (_name, corrupt, reason) => {
    const dataDir = join(root, `case-${randomBytes(4).toString('hex')}`);
    corrupt(dataDir);
    const error = await startDynamoLocal({ dataDir }).then(
      () => expect.unreachable('DynamoDB Local started on a corrupt folder'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EnvironmentError);
    const { shortMessage } = error as EnvironmentError;
    expect(shortMessage).not.toContain('\n');
    expect(shortMessage).toContain(`DynamoDB Local could not open its data folder ${dataDir} (`);
    expect(shortMessage).toMatch(reason);
    expect(shortMessage).toMatch(
      /; move the folder away to start with an empty store, or pass --dynamodb-endpoint$/,
    );
    // The JVM started for the attempt has exited (a service leaves the registry when it exits).
    expect(liveServicePids()).toEqual([]);
  });
});

interface StandIn {
  /** PID of the stand-in, also the id of its own process group. */
  readonly pid: number;
  /** The next JSON line it prints on stdout. */
  nextLine(): Promise<unknown>;
  readonly exitCode: Promise<number | null>;
  stderr(): string;
}

const standInScript = fileURLToPath(new URL('../support/embeddedServicesChild.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs tests/support/embeddedServicesChild.ts (a stand-in for the CLI) with Node and tsx, in a
 * process group of its own, so that the test can signal that group as a terminal would.
 */
function runStandIn(groups: number[], args: readonly string[]): StandIn {
  const child = spawn(process.execPath, ['--import', 'tsx', standInScript, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) groups.push(child.pid);
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const received: unknown[] = [];
  let partial = '';
  let ended = false;
  let wake = () => {};
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) received.push(JSON.parse(line));
    wake();
  });
  // Output can arrive after 'exit': only the end of stdout means no more lines.
  child.stdout.on('end', () => {
    ended = true;
    wake();
  });
  let read = 0;
  return {
    pid: child.pid ?? -1,
    async nextLine() {
      while (received.length <= read) {
        if (ended) throw new Error(`the stand-in ended (${child.exitCode}) before printing: ${stderr}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      return received[read++];
    },
    exitCode,
    stderr: () => stderr,
  };
}

async function waitForOutput(output: () => string, text: string): Promise<void> {
  while (!output().includes(text)) await new Promise((resolve) => setTimeout(resolve, 20));
}
