import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Report, ReportSchema } from '#core/report/ReportSchema.ts';
import { readJournal } from '#reports/journal/readJournal.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';
import { isAlive, livingGroupMembers, survivorsAfter } from '../support/processTable.ts';

/**
 * Issue 6 "Runs that survive", deliverables 1–3, through real processes: the CLI as an operator
 * runs it (`node cli/bin/chaineval.js`), in a real pseudo-terminal where a terminal's Ctrl-C
 * matters (`script -qfec … /dev/null`; writing \x03 to it is the key press, which the terminal turns
 * into SIGINT for its whole foreground process group), the embedded anvil and DynamoDB Local it
 * starts, and DynamoDB Local shared by the e2e project for the cases that read the store.
 */

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliBin = join(repositoryRoot, 'cli', 'bin', 'chaineval.js');
/** Every wait on a process is bounded: a broken interrupt path fails the test instead of hanging it. */
const waitMs = 60_000;

const runIdPattern = /\brun (\d{8}T\d{6}Z-[0-9a-f]{8}): /;
const anvilPidPattern = /embedded anvil on \S+ \(pid (\d+)\)/;
const javaPidPattern = /embedded DynamoDB Local on \S+ \(pid (\d+)\)/;

const endpoint = inject('dynamoEndpoint');
let testStore: TestStore;
/** Folders of this file: each run gets its own, so its processes can be found by their command line. */
const folders: string[] = [];
/** Processes this file started (the CLIs, `script`) and the service groups they reported. */
const started: ChildProcess[] = [];
const serviceGroups: number[] = [];

beforeAll(async () => {
  testStore = await openTestStore(endpoint, 'interrupt');
});
afterEach(() => {
  // A test that failed may have left its processes running; a passing test leaves nothing to kill.
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) for (const pid of processesMentioning(folder)) killNow(pid);
  for (const group of serviceGroups.splice(0)) if (livingGroupMembers(group).length > 0) killNow(-group);
});

/** SIGKILL to a process (or, negative, a process group) of this file that may have ended meanwhile. */
function killNow(target: number): void {
  try {
    process.kill(target, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
afterAll(async () => {
  await testStore.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'chaineval-interrupt-'));
  folders.push(folder);
  return folder;
}

/** The store flags of the runs that use the shared DynamoDB Local. */
const sharedStore = () => ['--dynamodb-endpoint', endpoint, '--table', testStore.tableName];

interface CliProcess {
  /** Everything printed so far (a pseudo-terminal has one stream; a child's stdout and stderr interleaved). */
  output(): string;
  /** What a plain child printed on stdout alone. */
  stdout(): string;
  /** Resolves with the first match of `pattern` in the output, now or later; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code once the process ended (script: the CLI's, 128 + n for signal n). */
  readonly exitCode: Promise<number | null>;
  /** Types into the terminal (pseudo-terminal only). */
  type(text: string): void;
  readonly pid: number;
}

/** Quotes one argument for `sh -c`. */
const shellQuote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * Starts `chaineval <args>` in `cwd`, either in a pseudo-terminal of its own (`script`, util-linux)
 * or as a plain child process with pipes.
 */
function startCli(args: readonly string[], options: { cwd: string; pty: boolean }): CliProcess {
  const command = [process.execPath, cliBin, ...args];
  const child = options.pty
    ? // exec: the CLI replaces the shell `script` starts ($SHELL, which differs between machines), so
      // the terminal's foreground group is the CLI alone and its exit code is the one `script` returns.
      spawn('script', ['-qfec', `exec ${command.map(shellQuote).join(' ')}`, '/dev/null'], {
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
      })
    : spawn(command[0]!, command.slice(1), { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let text = '';
  let stdout = '';
  let ended = false;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      text += chunk.replaceAll('\r\n', '\n');
      if (stream === child.stdout) stdout += chunk;
      changed();
    });
  }
  const exitCode = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      ended = true;
      changed();
      resolve(code);
    }),
  );
  // Typing into a terminal that has just closed is not this file's error to report.
  child.stdin?.on('error', () => undefined);
  return {
    output: () => text,
    stdout: () => stdout,
    exitCode,
    pid: child.pid ?? -1,
    type(keys) {
      child.stdin?.write(keys);
    },
    waitFor(pattern, timeoutMs = waitMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text);
          if (match) finish(() => resolve(match));
          else if (ended) finish(() => reject(new Error(`ended before printing ${pattern}:\n${text}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${text}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs `chaineval <args>` to its end (bounded), as a plain child process. */
async function runCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; output: string; stdout: string }> {
  const cli = startCli(args, { cwd, pty: false });
  const code = await withTimeout(cli.exitCode, waitMs, `chaineval ${args.join(' ')}`);
  return { code, output: cli.output(), stdout: cli.stdout() };
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not end within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** PIDs of the living processes whose command line contains `text` (a folder only this file uses). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (pid !== process.pid && cmdline.includes(text) && isAlive(pid)) pids.push(pid);
  }
  return pids;
}

/** Waits (bounded) for the JVM of the embedded DynamoDB Local whose data folder is under `folder`. */
async function javaUnder(folder: string): Promise<number> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    // Only the JVM's command line names the data folder (-dbPath).
    const [java] = processesMentioning(join(folder, '.chaineval', 'dynamodb'));
    if (java !== undefined) return java;
    if (Date.now() > deadline) throw new Error(`no DynamoDB Local JVM under ${folder} within ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The PID a progress line printed, kept so that afterEach can stop the service if the test fails. */
async function servicePid(cli: CliProcess, pattern: RegExp): Promise<number> {
  const pid = Number((await cli.waitFor(pattern))[1]);
  serviceGroups.push(pid);
  return pid;
}

/**
 * The verdicts the progress showed, check id → status: "[conformance 3/61] TX-04 tx-tampered-rejected …"
 * names the check, "[conformance 3/61] TX-04 PASS: …" its verdict, printed once the result is stored
 * (core/run/executeChecksStep.ts), so each of them must be in the report.
 */
function verdictsPrinted(output: string): Record<string, string> {
  const checkAt = new Map(
    [...output.matchAll(/(\[(?:conformance|property) \d+\/\d+\]) \S+ ([a-z0-9-]+) …/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  return Object.fromEntries(
    [...output.matchAll(/(\[(?:conformance|property) \d+\/\d+\]) \S+ (PASS|FAIL|ERROR|SKIP):/g)].map((m) => [
      checkAt.get(m[1]!) ?? `unnamed ${m[1]}`,
      m[2]!.toLowerCase(),
    ]),
  );
}

/** The verdicts of a report's conformance and property results, check id → status. */
function verdictsIn(report: Report): Record<string, string> {
  return Object.fromEntries(
    report.results.filter((r) => r.kind !== 'load').map((r) => [r.checkId, r.status]),
  );
}

function readReportFile(out: string, runId: string): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(join(out, runId, 'report.json'), 'utf8')));
}

/**
 * The conformance and property results a report holds with a verdict: pass, fail, or a skip for a
 * capability the node lacks (the full profile has checks for validator sets, permissioning, several
 * endpoints); an `error` would mean the check could not be decided and is not counted.
 */
function judgedChecks(report: Report): { conformance: string[]; property: string[] } {
  const judged = report.results.filter(
    (r) => r.status === 'pass' || r.status === 'fail' || r.status === 'skip',
  );
  return {
    conformance: judged.filter((r) => r.kind === 'conformance').map((r) => r.checkId),
    property: judged.filter((r) => r.kind === 'property').map((r) => r.checkId),
  };
}

/** How many conformance checks the run planned, as its progress lines say ("[conformance 3/61]"). */
function plannedConformance(output: string): number {
  const total = /\[conformance \d+\/(\d+)\]/.exec(output)?.[1];
  if (total === undefined) throw new Error(`no conformance progress line in:\n${output}`);
  return Number(total);
}

/** How many property checks the run planned, as its progress lines say ("[property 2/6]"). */
function plannedProperty(output: string): number {
  const total = /\[property \d+\/(\d+)\]/.exec(output)?.[1];
  if (total === undefined) throw new Error(`no property progress line in:\n${output}`);
  return Number(total);
}

/** The row of `reports list` for a run: "<id>  <started>  <status>  <verdict> …". */
function listRow(list: string, runId: string): string | undefined {
  return list.split('\n').find((line) => line.startsWith(runId));
}

describe('Ctrl-C in a terminal ends a run as incomplete, with its results and no process left', () => {
  it.each([
    { store: 'the shared DynamoDB Local (--dynamodb-endpoint)', embeddedStore: false },
    { store: 'the embedded DynamoDB Local', embeddedStore: true },
  ])(
    'during the load step, storing in $store: exit 2, summary, report files, run listed as incomplete',
    async ({ embeddedStore }) => {
      const cwd = newFolder();
      const out = join(cwd, 'out');
      const storeFlags = embeddedStore ? [] : sharedStore();
      // The acceptance of issue 6 as an operator would try it: the default profile and load.
      const cli = startCli(['evaluate', '--no-color', ...storeFlags, '--out', out], { cwd, pty: true });
      const anvil = await servicePid(cli, anvilPidPattern);
      const java = embeddedStore ? await servicePid(cli, javaPidPattern) : undefined;
      const runId = (await cli.waitFor(runIdPattern))[1]!;
      await cli.waitFor(/\[load\]/);
      const printedBeforeCtrlC = verdictsPrinted(cli.output());
      cli.type('\x03');

      expect(await withTimeout(cli.exitCode, waitMs, 'the interrupted run'), cli.output()).toBe(2);
      const output = cli.output();
      expect(output).toContain('interrupted by SIGINT: finishing the check in flight');
      expect(output).toMatch(/Overall {2}未完成 incomplete/);
      expect(output).toContain(
        `run incomplete: interrupted by SIGINT; the results obtained are in report ${runId}`,
      );
      expect(output).not.toMatch(/internal error|harness fault|Error:|\n\s+at /);

      // The report files and the journal are written, and say why the run ended.
      for (const file of ['report.json', 'report.html', 'journal.jsonl'])
        expect(existsSync(join(out, runId, file)), file).toBe(true);
      const written = readReportFile(out, runId);
      expect(written.run).toMatchObject({ status: 'incomplete', incompleteReason: 'interrupted by SIGINT' });
      expect(written.overall.verdict).toBe('incomplete');
      expect(readFileSync(join(out, runId, 'report.html'), 'utf8')).toContain('interrupted by SIGINT');
      // Every result printed before the Ctrl-C is in the report: all of conformance and property
      // (the load step had begun), none of the interrupted load.
      const conformanceChecks = plannedConformance(output);
      const propertyChecks = plannedProperty(output);
      expect(conformanceChecks).toBeGreaterThanOrEqual(45);
      expect(propertyChecks).toBeGreaterThanOrEqual(6);
      expect(Object.keys(printedBeforeCtrlC)).toHaveLength(conformanceChecks + propertyChecks);
      expect(verdictsIn(written)).toEqual(printedBeforeCtrlC);
      const judged = judgedChecks(written);
      expect(judged.conformance).toHaveLength(conformanceChecks);
      expect(judged.property).toHaveLength(propertyChecks);
      expect(judged.property).toContain('property-transfer-model');
      expect(written.results.filter((r) => r.kind === 'load')).toEqual([]);
      // The journal holds the same results, and the final run record.
      const journal = readJournal(join(out, runId, 'journal.jsonl'));
      expect(journal.filter((e) => e.type === 'result')).toHaveLength(conformanceChecks + propertyChecks);
      expect(journal.filter((e) => e.type === 'run').at(-1)?.value).toMatchObject({
        status: 'incomplete',
        incompleteReason: 'interrupted by SIGINT',
      });

      // The store holds the same report, and `reports list` shows the run as incomplete.
      if (!embeddedStore) {
        const stored = await testStore.store.getReport(runId);
        expect(stored?.run).toMatchObject({
          status: 'incomplete',
          incompleteReason: 'interrupted by SIGINT',
        });
        expect(verdictsIn(stored!)).toEqual(printedBeforeCtrlC);
      }
      const list = await runCli(['reports', 'list', '--no-color', ...storeFlags], cwd);
      expect(list.code, list.output).toBe(0);
      expect(listRow(list.output, runId), list.output).toMatch(/\s+incomplete\s+incomplete\s+\d+\.\d/);

      // Nothing is left: the anvil (and JVM) whose PIDs were printed, the CLI, and anything of this run.
      expect(await survivorsAfter(java === undefined ? [anvil] : [anvil, java])).toEqual([]);
      expect(processesMentioning(cwd)).toEqual([]);
    },
  );

  it('a second Ctrl-C stops at once: exit 130, no anvil or java left, the results kept', async () => {
    const cwd = newFolder();
    const out = join(cwd, 'out');
    const cli = startCli(['evaluate', '--no-color', '--out', out], { cwd, pty: true });
    const anvil = await servicePid(cli, anvilPidPattern);
    const java = await servicePid(cli, javaPidPattern);
    const runId = (await cli.waitFor(runIdPattern))[1]!;
    await cli.waitFor(/\[load\]/);
    const printedBeforeCtrlC = verdictsPrinted(cli.output());
    cli.type('\x03');
    // The second press once the CLI has taken the first, while it is still storing and stopping.
    await cli.waitFor(/interrupted by SIGINT: finishing the check in flight/);
    cli.type('\x03');

    expect(await withTimeout(cli.exitCode, waitMs, 'the run interrupted twice'), cli.output()).toBe(130);
    expect(cli.output()).toContain(
      'SIGINT again: stopped at once; what was stored so far stays in the store and the run journal',
    );
    expect(cli.output()).not.toMatch(/internal error|Error:|\n\s+at /);
    expect(await survivorsAfter([anvil, java])).toEqual([]);
    expect(processesMentioning(cwd)).toEqual([]);

    // As the line says: the journal holds every result, and the next start finds the run in the
    // store (killed with the JVM) and closes it, whether or not it had been finalized.
    const journaled = readJournal(join(out, runId, 'journal.jsonl')).flatMap((e) =>
      e.type === 'result' ? [[e.value.checkId, e.value.status] as const] : [],
    );
    expect(Object.fromEntries(journaled)).toEqual(printedBeforeCtrlC);
    const list = await runCli(['reports', 'list', '--no-color'], cwd);
    expect(list.code, list.output).toBe(0);
    expect(listRow(list.output, runId), list.output).toMatch(/\s+incomplete\s+incomplete\s/);
    // The JVM `reports list` started is gone with it.
    expect(processesMentioning(cwd)).toEqual([]);
  });

  it('during start-up, before the run exists: exit 130, one line, no anvil or java left', async () => {
    const cwd = newFolder();
    const out = join(cwd, 'out');
    const cli = startCli(['evaluate', '--no-color', '--out', out], { cwd, pty: true });
    // anvil is up and DynamoDB Local is starting: both must be stopped, and no run was created.
    const anvil = await servicePid(cli, anvilPidPattern);
    await cli.waitFor(/starting embedded DynamoDB Local/);
    const java = await javaUnder(cwd);
    serviceGroups.push(java);
    cli.type('\x03');

    expect(await withTimeout(cli.exitCode, waitMs, 'the interrupted start-up'), cli.output()).toBe(130);
    const output = cli.output();
    const messages = output.split('\n').filter((line) => line.includes('chaineval: '));
    expect(messages, output).toHaveLength(1);
    expect(messages[0]).toMatch(/chaineval: interrupted by SIGINT while starting; nothing was stored$/);
    expect(output).not.toMatch(runIdPattern);
    expect(output).not.toMatch(/internal error|Error:|\n\s+at /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(await survivorsAfter([anvil, java])).toEqual([]);
    expect(processesMentioning(cwd)).toEqual([]);
  });
});

describe('unfinished runs are visible and none stays running forever', () => {
  it('a run whose CLI was killed is marked incomplete ("abandoned") by the next start, with what it stored', async () => {
    const cwd = newFolder();
    const cli = startCli(['evaluate', '--no-color', ...sharedStore(), '--out', join(cwd, 'out')], {
      cwd,
      pty: false,
    });
    const anvil = await servicePid(cli, anvilPidPattern);
    const runId = (await cli.waitFor(runIdPattern))[1]!;
    // A few results stored, then the CLI dies without a chance to clean up.
    await cli.waitFor(/\[conformance 3\/\d+\] \S+ (PASS|FAIL|SKIP):/);
    process.kill(cli.pid, 'SIGKILL');
    process.kill(-anvil, 'SIGKILL');
    // Reaped by Node once it exited: until then its PID would still look alive to the next start.
    expect(await withTimeout(cli.exitCode, waitMs, 'the killed CLI')).toBeNull();
    const printedBeforeKill = verdictsPrinted(cli.output());
    expect(Object.keys(printedBeforeKill).length).toBeGreaterThanOrEqual(3);
    expect((await testStore.store.getRun(runId))?.meta.status).toBe('running');

    const list = await runCli(['reports', 'list', '--no-color', ...sharedStore()], cwd);
    expect(list.code, list.output).toBe(0);
    expect(list.output).toContain(
      `run ${runId} was left running by a process that is gone; marked incomplete (abandoned)`,
    );
    expect(listRow(list.output, runId), list.output).toMatch(/\s+incomplete\s+incomplete\s/);

    const show = await runCli(['reports', 'show', runId, '--json', ...sharedStore()], cwd);
    expect(show.code, show.output).toBe(0);
    const report = ReportSchema.parse(JSON.parse(show.stdout));
    expect(report.run.status).toBe('incomplete');
    expect(report.run.incompleteReason).toMatch(
      new RegExp(
        `^abandoned: the process that ran it \\(pid ${cli.pid} on .+\\) ended without finishing it$`,
      ),
    );
    // Every result printed before the kill is in the report; at most the one in flight was not printed.
    expect(verdictsIn(report)).toMatchObject(printedBeforeKill);
    expect(Object.keys(verdictsIn(report)).length).toBeLessThanOrEqual(
      Object.keys(printedBeforeKill).length + 1,
    );
    expect(await survivorsAfter([anvil])).toEqual([]);
  });

  it('reports show of a run still running prints its results as they stand, status running', async () => {
    const cwd = newFolder();
    const out = join(cwd, 'out');
    // A long load step keeps the run going while it is shown; it is then interrupted.
    const cli = startCli(
      ['evaluate', '--no-color', ...sharedStore(), '--out', out, '--param', 'loadDurationS=60'],
      { cwd, pty: false },
    );
    const anvil = await servicePid(cli, anvilPidPattern);
    const runId = (await cli.waitFor(runIdPattern))[1]!;
    await cli.waitFor(/\[load\]/);

    const [json, plain] = await Promise.all([
      runCli(['reports', 'show', runId, '--json', ...sharedStore()], cwd),
      runCli(['reports', 'show', runId, '--no-color', ...sharedStore()], cwd),
    ]);
    expect(cli.output(), 'the run ended before it was shown').not.toContain('scoring and writing');
    expect(json.code, json.output).toBe(0);
    const report = ReportSchema.parse(JSON.parse(json.stdout));
    expect(report.run.status).toBe('running');
    expect(report.run.incompleteReason).toBeUndefined();
    expect(report.overall.reasons[0]).toBe(
      'the run is still in progress; verdicts cover only the results stored so far',
    );
    const judged = judgedChecks(report);
    expect(judged.conformance).toHaveLength(plannedConformance(cli.output()));
    expect(judged.property).toHaveLength(plannedProperty(cli.output()));
    expect(judged.property).toContain('property-transfer-model');
    expect(plain.code, plain.output).toBe(0);
    expect(plain.output).toMatch(new RegExp(`chaineval report ${runId}`));
    expect(plain.output).toMatch(/\nrun {5}running since \S+; results as of /);
    expect(plain.output).toContain('CR-01');

    // Interrupted like a terminal would (SIGINT to the CLI only): it ends as incomplete.
    process.kill(cli.pid, 'SIGINT');
    expect(await withTimeout(cli.exitCode, waitMs, 'the interrupted run'), cli.output()).toBe(2);
    expect((await testStore.store.getReport(runId))?.run).toMatchObject({
      status: 'incomplete',
      incompleteReason: 'interrupted by SIGINT',
    });
    expect(await survivorsAfter([anvil])).toEqual([]);
  });

  it('--max-duration ends a run as incomplete with the results obtained', async () => {
    const cwd = newFolder();
    const out = join(cwd, 'out');
    // The default load alone (10 s of sending, 10 s of drain) outlasts 6 s.
    const cli = startCli(['evaluate', '--no-color', ...sharedStore(), '--out', out, '--max-duration', '6'], {
      cwd,
      pty: false,
    });
    const anvil = await servicePid(cli, anvilPidPattern);
    const runId = (await cli.waitFor(runIdPattern))[1]!;

    expect(await withTimeout(cli.exitCode, waitMs, 'the run with --max-duration'), cli.output()).toBe(2);
    const output = cli.output();
    const reason = 'the run exceeded --max-duration 6 s';
    expect(output).toContain(`run incomplete: ${reason}; the results obtained are in report ${runId}`);
    expect(output).toMatch(/Overall {2}未完成 incomplete/);
    const written = readReportFile(out, runId);
    expect(written.run).toMatchObject({ status: 'incomplete', incompleteReason: reason });
    const stored = await testStore.store.getReport(runId);
    expect(stored?.run).toMatchObject({ status: 'incomplete', incompleteReason: reason });
    // What was obtained before the deadline is stored: every verdict printed, nothing else.
    const printed = verdictsPrinted(output);
    expect(Object.keys(printed).length).toBeGreaterThan(0);
    expect(verdictsIn(stored!)).toEqual(printed);
    expect(verdictsIn(written)).toEqual(printed);
    expect(await survivorsAfter([anvil])).toEqual([]);
  });

  it('--max-duration spent during start-up is one line and exit 1, not an interrupt', async () => {
    const cwd = newFolder();
    const out = join(cwd, 'out');
    // The embedded DynamoDB Local takes seconds to start: a tenth of a second runs out before the run.
    const cli = startCli(['evaluate', '--no-color', '--out', out, '--max-duration', '0.1'], {
      cwd,
      pty: false,
    });
    const anvil = await servicePid(cli, anvilPidPattern);
    expect(await withTimeout(cli.exitCode, waitMs, 'the start-up'), cli.output()).toBe(1);
    const messages = cli
      .output()
      .split('\n')
      .filter((line) => line.startsWith('chaineval: '));
    expect(messages).toEqual([
      'chaineval: --max-duration 0.1 s ran out while starting, before the run began; nothing was stored; allow more time (the embedded services take a few seconds to start)',
    ]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(await survivorsAfter([anvil])).toEqual([]);
    expect(processesMentioning(cwd)).toEqual([]);
  });
});
