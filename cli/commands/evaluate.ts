import { readFile } from 'node:fs/promises';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { conformanceChecks } from '#conformance/conformanceChecks.ts';
import { jrt0193Profile } from '#conformance/profile/jrt0193Profile.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import { harnessVersion } from '#core/harnessVersion.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { finalizeRun, runLoadShardStep, runSuiteStep, type StepName } from '#core/run/steps.ts';
import { transferLoadScenario } from '#load/transferLoadScenario.ts';
import { propertyChecks } from '#property/propertyChecks.ts';
import { renderTerminalSummary } from '#reports/render/renderTerminalSummary.ts';
import { writeReportFiles } from '#reports/writeReportFiles.ts';
import type { CliIo } from '../CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '../embedded/startAnvil.ts';
import { openStore } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseParamFlags } from '../parseParamFlags.ts';
import { readPrivateKeyFile } from '../readPrivateKeyFile.ts';

export const evaluateHelp = `Usage: chaineval evaluate [flags]

Runs the conformance, property and load suites against a chain, scores them against the
jrt-0193-2020 profile, stores the report in DynamoDB and writes reports/out/<runId>/.
Without --target it starts an embedded anvil chain and an embedded DynamoDB Local.

Flags:
  --target <url>              EVM JSON-RPC endpoint to evaluate (http:// or https://)
  --private-key-file <file>   file holding the key of a funded account on --target (never printed or stored)
  --ca-file <pem>             extra CA certificate to trust for an https --target
  --crypto-suite <suite>      suite the target declares: ${CryptoSuiteSchema.options.join(', ')} (default secp256k1-keccak256)
  --rate <tps>                load: offered rate in transactions per second (default 50)
  --duration <s>              load: seconds of constant-rate sending (default 10)
  --param <key=value>         set a profile parameter (repeatable), e.g. --param ledgerSampleBlocks=64
  --skip <steps>              comma-separated steps to leave out: property, load
  --dynamodb-endpoint <url>   DynamoDB endpoint to store reports in (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  --out <dir>                 where report.json and report.html go (default reports/out)
  --chain-port <port>         port for the embedded anvil (default: a free port)
  --dynamodb-port <port>      port for the embedded DynamoDB Local (default: a free port)
  --fail-on <verdict>         exit 3 when the overall verdict is this bad: nonconform | partially-conform
  --no-color                  plain output
  -h, --help                  this help
`;

const skippableSteps = ['property', 'load'] as const;

function parsePort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`${flag} must be a port number 1–65535 (got "${value}")`);
  }
  return port;
}

function parsePositive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`${flag} must be a positive number (got "${value}")`);
  return n;
}

/** `chaineval evaluate`: parse → start what is embedded → run the core steps → report. */
export async function evaluateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('evaluate', argv, {
    target: { type: 'string' },
    'private-key-file': { type: 'string' },
    'ca-file': { type: 'string' },
    'crypto-suite': { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    param: { type: 'string', multiple: true },
    skip: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    out: { type: 'string' },
    'chain-port': { type: 'string' },
    'dynamodb-port': { type: 'string' },
    'fail-on': { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(evaluateHelp);
    return 0;
  }
  if (positionals.length > 0) {
    throw new ConfigError(
      `evaluate takes no positional arguments (got "${positionals[0]}"); use --target <url> for an endpoint`,
    );
  }
  if (values['private-key-file'] && !values.target) {
    throw new ConfigError(
      '--private-key-file needs --target <url>; without --target the embedded chain and its dev account are used',
    );
  }
  if (values.target && !values['private-key-file']) {
    throw new ConfigError(
      '--target needs --private-key-file <file> holding the key of an account funded on that chain',
    );
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'nonconform' && failOn !== 'partially-conform') {
    throw new ConfigError(`--fail-on must be "nonconform" or "partially-conform" (got "${failOn}")`);
  }
  const skip = new Set(
    (values.skip ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const step of skip) {
    if (!(skippableSteps as readonly string[]).includes(step)) {
      throw new ConfigError(`--skip accepts ${skippableSteps.join(', ')} (got "${step}")`);
    }
  }
  const cryptoSuite =
    values['crypto-suite'] === undefined ? undefined : CryptoSuiteSchema.safeParse(values['crypto-suite']);
  if (cryptoSuite && !cryptoSuite.success) {
    throw new ConfigError(
      `--crypto-suite must be one of ${CryptoSuiteSchema.options.join(', ')} (got "${values['crypto-suite']}")`,
    );
  }
  const rate = parsePositive(values.rate, '--rate');
  const duration = parsePositive(values.duration, '--duration');
  const params = parseParamFlags(values.param ?? [], {
    ...(rate === undefined ? {} : { loadRateTps: rate }),
    ...(duration === undefined ? {} : { loadDurationS: duration }),
  });
  const chainPort = parsePort(values['chain-port'], '--chain-port');
  const dynamodbPort = parsePort(values['dynamodb-port'], '--dynamodb-port');
  const privateKey = values['private-key-file']
    ? await readPrivateKeyFile(values['private-key-file'])
    : anvilDevPrivateKey;
  const caCertPem = values['ca-file'] ? await readCaFile(values['ca-file']) : undefined;

  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let anvil: RunningAnvil | undefined;
    if (!values.target) {
      io.progress('starting embedded anvil chain …');
      anvil = await startAnvil(chainPort === undefined ? {} : { port: chainPort });
      cleanups.push(() => anvil!.stop());
    }
    const opened = await openStore({
      dynamodbEndpoint: values['dynamodb-endpoint'],
      tableName: values.table ?? 'chaineval-reports',
      dynamodbPort,
      progress: io.progress,
    });
    cleanups.push(() => opened.close());

    const url = values.target ?? anvil!.url;
    io.progress(`connecting to ${url} …`);
    const adapter = await createEvmAdapter({
      url,
      privateKey,
      embedded: anvil !== undefined,
      ...(cryptoSuite?.success ? { cryptoSuite: cryptoSuite.data } : {}),
      ...(caCertPem === undefined ? {} : { caCertPem }),
    });
    cleanups.push(() => adapter.close());

    const runId = newRunId();
    const plannedSteps: StepName[] = [
      'conformance',
      ...(['property', 'load'] as const).filter((s) => !skip.has(s)),
      'finalize',
    ];
    await opened.store.putRun({
      runId,
      status: 'running',
      startedAt: new Date().toISOString(),
      harnessVersion,
      profile: { id: jrt0193Profile.id, version: jrt0193Profile.version },
      target: adapter.info,
      parameters: params,
      plannedSteps,
    });
    io.progress(
      `run ${runId}: ${adapter.info.clientVersion} (chain ${adapter.info.chainId}) against ${jrt0193Profile.id}@${jrt0193Profile.version}`,
    );

    const deps = { runId, adapter, store: opened.store, params, progress: io.progress };
    const incompleteReason = await runSteps(plannedSteps, deps, adapter, io, anvil);
    io.progress('scoring and writing the report …');
    const report = await finalizeRun(runId, {
      store: opened.store,
      profile: jrt0193Profile,
      scenarios: [transferLoadScenario],
      passScore: params.passScore,
      params,
      ...(incompleteReason === undefined ? {} : { incompleteReason }),
    });
    const paths = await writeReportFiles(report, values.out ?? 'reports/out');
    io.out(renderTerminalSummary(report, { color: io.color && !values['no-color'] }));
    io.out(`report ${report.reportId}: ${paths.jsonPath}\n                         ${paths.htmlPath}`);
    if (incompleteReason !== undefined) {
      io.error(
        `run incomplete: ${incompleteReason}; the results obtained are stored in report ${report.reportId}`,
      );
      return 2;
    }
    const bad =
      failOn === 'nonconform'
        ? ['nonconform']
        : failOn === 'partially-conform'
          ? ['nonconform', 'partially-conform']
          : [];
    return bad.includes(report.overall.verdict) ? 3 : 0;
  } finally {
    await cleanup();
  }
}

/**
 * Runs the planned suite steps in order. A target that stops answering, or an operator's Ctrl-C,
 * ends the run early with a reason; what was stored so far is kept and the run is marked incomplete.
 */
async function runSteps(
  plannedSteps: readonly StepName[],
  deps: Parameters<typeof runSuiteStep>[2],
  adapter: ChainAdapter,
  io: CliIo,
  anvil: RunningAnvil | undefined,
): Promise<string | undefined> {
  let interrupted: string | undefined;
  const onSignal = () => {
    interrupted = 'interrupted by the operator (SIGINT)';
    io.error(
      'interrupt: finishing the check in flight, then storing an incomplete report (Ctrl-C again to abort)',
    );
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  void anvil?.exited.then(() => {
    interrupted ??= 'the embedded chain exited during the run';
  });
  try {
    for (const step of plannedSteps) {
      if (interrupted) return interrupted;
      if (step === 'conformance') await runSuiteStep('conformance', conformanceChecks, deps);
      if (step === 'property') await runSuiteStep('property', propertyChecks, deps);
      if (step === 'load') await runLoadShardStep(transferLoadScenario, 0, 1, deps);
    }
    return interrupted;
  } catch (error) {
    // Whatever stopped the run, the results already stored stay and the run is finalized as incomplete.
    if (error instanceof TargetError) return `${error.shortMessage} (target ${adapter.info.endpoint})`;
    const message =
      error instanceof ChainevalError
        ? error.shortMessage
        : error instanceof Error
          ? error.message
          : String(error);
    io.error(error instanceof Error && error.stack ? error.stack : message);
    return `harness fault: ${message}`;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

async function readCaFile(path: string): Promise<string> {
  try {
    const pem = await readFile(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
      throw new ConfigError(`--ca-file "${path}" holds no PEM certificate`);
    return pem;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot read --ca-file "${path}" (${(error as NodeJS.ErrnoException).code})`);
  }
}
