import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capability } from '#core/adapter/Capability.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type Report, ReportSchema } from '#core/report/ReportSchema.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { checkContextOf, createFixtureCache } from '#core/run/runCheck.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { replayCounterexample } from '#property/replayCounterexample.ts';
import { registry } from '#registry/index.ts';
import { sanitizeForTerminal } from '#reports/render/sanitizeForTerminal.ts';
import type { CliIo } from '../CliIo.ts';
import { anvilDevPrivateKey, startAnvil } from '../embedded/startAnvil.ts';
import { openStore } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseTargetUrl } from '../parseTargetUrl.ts';
import { readCaFile } from '../readCaFile.ts';
import { readPrivateKeyFile } from '../readPrivateKeyFile.ts';

export const replayHelp = `Usage: chaineval replay <reportId> <checkId> [flags]

Reruns the shrunk counterexample a property check recorded in a report, exactly, and prints the
failing step. The report is read from <out>/<reportId>/report.json, else from the report store.
Without --target the counterexample runs on a fresh embedded anvil; with --target, on that chain
(the same one the report was made on, or another). Exit 0: the failure reproduced; 3: every
recorded command now matches the model; 1: bad input.

Flags:
  --target <url>              EVM JSON-RPC endpoint to replay against (http:// or https://)
  --private-key-file <file>   file holding the key of a funded account on --target
  --ca-file <pem>             extra CA certificate to trust for an https --target
  --out <dir>                 where evaluate wrote reports (default reports/out)
  --dynamodb-endpoint <url>   report store to read when the report file is absent (default: embedded)
  --table <name>              DynamoDB table (default chaineval-reports)
  -h, --help                  this help
`;

/** Transactions the replay's own account is funded for beyond the check's budget (its fixtures). */
const fixtureHeadroom = 8;

/** `chaineval replay <reportId> <checkId>`: parse, find the counterexample, run it, print the step. */
export async function replayCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('replay', argv, {
    target: { type: 'string' },
    'private-key-file': { type: 'string' },
    'ca-file': { type: 'string' },
    out: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(replayHelp);
    return 0;
  }
  const [reportId, checkId, extra] = positionals;
  if (reportId === undefined || checkId === undefined || extra !== undefined) {
    throw new ConfigError(
      'replay needs a report id and a check id, e.g. "chaineval replay 20261124T101500Z-1a2b3c4d property-replay-model"',
    );
  }
  if (!RunIdSchema.safeParse(reportId).success) {
    throw new ConfigError(
      `replay: "${reportId.slice(0, 40)}" is not a report id like 20261124T101500Z-1a2b3c4d; "chaineval reports list" shows them`,
    );
  }
  const target = values.target === undefined ? undefined : parseTargetUrl(values.target);
  if ((target === undefined) !== (values['private-key-file'] === undefined)) {
    throw new ConfigError(
      target === undefined
        ? '--private-key-file needs --target <url>; without --target a fresh embedded anvil and its dev account are used'
        : '--target needs --private-key-file <file> holding the key of an account funded on that chain',
    );
  }
  const privateKey = values['private-key-file']
    ? await readPrivateKeyFile(values['private-key-file'])
    : anvilDevPrivateKey;
  const caCertPem = values['ca-file'] ? await readCaFile(values['ca-file']) : undefined;

  const report = await readReport(reportId, values, io);
  const result = report.results.find((r) => r.checkId === checkId);
  if (result === undefined) {
    throw new ConfigError(
      `report ${reportId} has no result for "${checkId.slice(0, 60)}"; its property checks are ${report.results
        .filter((r) => r.kind === 'property')
        .map((r) => r.checkId)
        .join(', ')}`,
    );
  }
  if (result.kind !== 'property' || result.property === undefined || result.status !== 'fail') {
    throw new ConfigError(
      `"${checkId}" in report ${reportId} is a ${result.kind} result with status ${result.status}; only a failed property check records a counterexample to replay`,
    );
  }
  const check = registry.checks.find((c) => c.id === checkId);
  if (check === undefined) throw new ConfigError(`check "${checkId}" is not in this harness's registry`);
  const recorded = result.property;

  const cleanups: (() => Promise<void>)[] = [];
  try {
    let url = target;
    if (url === undefined) {
      io.progress('starting embedded anvil chain …');
      const anvil = await startAnvil();
      cleanups.push(() => anvil.stop());
      url = anvil.url;
    }
    const evm = registry.adapters.find((a) => a.family === 'evm');
    if (!evm) throw new ConfigError('no evm adapter is registered (a harness bug)');
    io.progress(`connecting to ${redactUrl(url)} …`);
    const adapter = await evm.connect({
      url,
      signer: { kind: 'local-key', privateKey },
      embedded: target === undefined,
      ...(caCertPem === undefined ? {} : { caCertPem }),
    });
    cleanups.push(() => adapter.close());
    const missing = check.requires.filter((c: Capability) => !adapter.capabilities.has(c));
    if (missing.length > 0 || !adapter.identities || !adapter.capabilities.has('account.fund')) {
      throw new ConfigError(
        `${redactUrl(url)} lacks ${missing.join(', ') || 'account.fund'}, which ${checkId} needs; replay against an endpoint that offers them`,
      );
    }
    const funded = adapter as AdapterWith<'account.fund'>;
    // The replay's own step account, as a run's: derived, funded for the check, never the operator's key.
    const [account] = funded.identities.derive(`replay/${reportId}/${randomBytes(4).toString('hex')}`, 1);
    if (!account) throw new Error('the adapter derived no identity (a harness bug)');
    const amount = await funded.accounts.quote([
      ...check.budget(report.parameters),
      { kind: 'deploy', count: fixtureHeadroom },
    ]);
    await fundIdentities(funded, funded.identities.primary, [{ identity: account, amount }], {
      timeoutMs: 30_000,
    });
    io.progress(
      `replaying ${recorded.counterexample?.length ?? 0} recorded commands of ${checkId} (seed ${recorded.seed}) on ${redactUrl(url)}`,
    );
    const ctx = checkContextOf(check, {
      adapter,
      params: report.parameters,
      requirements: {},
      account,
      fixtures: createFixtureCache(),
      progress: io.progress,
      signal: new AbortController().signal,
    });
    const outcome = await replayCounterexample(ctx, checkId, recorded);
    printReplay(io, { reportId, checkId, recordedFailure: recorded.failure, outcome });
    return outcome.status === 'fail' ? 0 : 3;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

/** The report from its file under --out, else from the store. */
async function readReport(
  reportId: string,
  values: { readonly out?: string; readonly 'dynamodb-endpoint'?: string; readonly table?: string },
  io: CliIo,
): Promise<Report> {
  const path = join(values.out ?? join('reports', 'out'), reportId, 'report.json');
  if (existsSync(path)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(
        `${path} is not JSON (${error instanceof Error ? error.message.slice(0, 80) : String(error)}); run "chaineval reports show ${reportId} --json" to get it from the store`,
      );
    }
    const parsed = ReportSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(
        `${path} is not a chaineval report (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`,
      );
    }
    return parsed.data;
  }
  const opened = await openStore({
    dynamodbEndpoint: values['dynamodb-endpoint'],
    tableName: values.table ?? 'chaineval-reports',
    progress: io.progress,
  });
  try {
    const report = await opened.store.getReport(reportId);
    if (report === null) {
      throw new ConfigError(
        `no report ${reportId} in ${path} or in the report store; "chaineval reports list" shows the stored ones`,
      );
    }
    return report;
  } finally {
    await opened.close();
  }
}

function printReplay(
  io: CliIo,
  replay: {
    readonly reportId: string;
    readonly checkId: string;
    readonly recordedFailure: string | undefined;
    readonly outcome: CheckOutcome;
  },
): void {
  const { outcome } = replay;
  const run = outcome.property;
  const steps = run?.counterexample ?? [];
  io.out(`${replay.checkId} from report ${replay.reportId}`);
  if (replay.recordedFailure) io.out(`  recorded: ${sanitizeForTerminal(replay.recordedFailure)}`);
  for (const [i, step] of steps.entries()) {
    const mark =
      run?.failingStep === i ? '✗' : run?.failingStep !== undefined && i > run.failingStep ? ' ' : '✓';
    io.out(`  ${mark} ${i + 1}. ${sanitizeForTerminal(step)}`);
  }
  if (outcome.status === 'fail') {
    const at = run?.failingStep === undefined ? '' : `step ${run.failingStep + 1} `;
    io.out(`reproduced: ${at}failed: ${sanitizeForTerminal(run?.failure ?? outcome.summary)}`);
  } else {
    io.out(`not reproduced (${outcome.status}): ${sanitizeForTerminal(outcome.summary)}`);
  }
}
