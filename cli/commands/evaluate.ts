import { readFile } from 'node:fs/promises';
import type { ChainAdapter, Hex } from '#core/adapter/ChainAdapter.ts';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import { executePlan } from '#core/run/executePlan.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { type RunRequest, RunRequestSchema, SkippableKindSchema } from '#core/run/RunRequestSchema.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { registry } from '#registry/index.ts';
import { renderTerminalSummary } from '#reports/render/renderTerminalSummary.ts';
import { writeReportFiles } from '#reports/writeReportFiles.ts';
import type { CliIo } from '../CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '../embedded/startAnvil.ts';
import { openStore } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseParamFlags } from '../parseParamFlags.ts';
import { readPrivateKeyFile } from '../readPrivateKeyFile.ts';

/** Load shards one CLI process runs at once (in-process; worker threads are a later step). */
export const cliMaxConcurrentShards = 16;

export const evaluateHelp = `Usage: chaineval evaluate [flags]

Runs the conformance, property and load suites of a profile against a chain, scores them, stores
the report in DynamoDB and writes reports/out/<runId>/. Without --target it starts an embedded anvil
chain and an embedded DynamoDB Local.

Flags:
  --profile <id>              profile to evaluate against: ${registry.profiles.map((p) => p.id).join(', ')} (default jrt-0193-2020)
  --target <url>              EVM JSON-RPC endpoint to evaluate (http:// or https://)
  --private-key-file <file>   file holding the key of a funded account on --target (never printed or stored)
  --ca-file <pem>             extra CA certificate to trust for an https --target
  --crypto-suite <suite>      suite the target declares: ${CryptoSuiteSchema.options.join(', ')} (default secp256k1-keccak256)
  --rate <tps>                load: offered rate in transactions per second (the loadRateTps parameter)
  --duration <s>              load: seconds of constant-rate sending (the loadDurationS parameter)
  --shards <n>                load: shards sending at once (default 1)
  --param <key=value>         set a parameter of the profile (repeatable), e.g. --param ledgerSampleBlocks=64
  --skip <steps>              comma-separated steps to leave out: ${SkippableKindSchema.options.join(', ')}
  --dynamodb-endpoint <url>   DynamoDB endpoint to store reports in (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  --out <dir>                 where report.json and report.html go (default reports/out)
  --chain-port <port>         port for the embedded anvil (default: a free port)
  --dynamodb-port <port>      port for the embedded DynamoDB Local (default: a free port)
  --fail-on <verdict>         exit 3 when the overall verdict is this bad: nonconform | partially-conform
  --no-color                  plain output
  -h, --help                  this help
`;

function parsePort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`${flag} must be a port number 1–65535 (got "${value}")`);
  }
  return port;
}

function parseNumber(value: string | undefined, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new ConfigError(`${flag} must be a positive ${integer ? 'integer' : 'number'} (got "${value}")`);
  }
  return n;
}

/** The run request from the flags: the same shape the cloud's Plan Lambda receives. */
function requestFromFlags(values: Record<string, string | boolean | string[] | undefined>): RunRequest {
  const parameters = parseParamFlags((values.param as string[] | undefined) ?? []);
  for (const [flag, name] of [
    ['rate', 'loadRateTps'],
    ['duration', 'loadDurationS'],
  ] as const) {
    const value = parseNumber(values[flag] as string | undefined, `--${flag}`);
    if (value === undefined) continue;
    if (Object.hasOwn(parameters, name)) {
      throw new ConfigError(`--${flag} and --param ${name} set the same parameter; give only one`);
    }
    parameters[name] = value;
  }
  const skip = ((values.skip as string | undefined) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const step of skip) {
    if (!SkippableKindSchema.safeParse(step).success) {
      throw new ConfigError(`--skip accepts ${SkippableKindSchema.options.join(', ')} (got "${step}")`);
    }
  }
  const parsed = RunRequestSchema.safeParse({
    runId: newRunId(),
    ...(values.profile === undefined ? {} : { profile: values.profile }),
    parameters,
    skip,
    loadShards: parseNumber(values.shards as string | undefined, '--shards', true) ?? 1,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid run request: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** `chaineval evaluate`: parse → plan → start what is embedded → prepare, run, finalize → report. */
export async function evaluateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('evaluate', argv, {
    profile: { type: 'string' },
    target: { type: 'string' },
    'private-key-file': { type: 'string' },
    'ca-file': { type: 'string' },
    'crypto-suite': { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    shards: { type: 'string' },
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
  const cryptoSuite =
    values['crypto-suite'] === undefined ? undefined : CryptoSuiteSchema.safeParse(values['crypto-suite']);
  if (cryptoSuite && !cryptoSuite.success) {
    throw new ConfigError(
      `--crypto-suite must be one of ${CryptoSuiteSchema.options.join(', ')} (got "${values['crypto-suite']}")`,
    );
  }
  // Plan first: a bad profile, parameter or shard count is refused before anything starts.
  const request = requestFromFlags(values);
  const plan = planRun(request, registry, { maxConcurrentShards: cliMaxConcurrentShards });
  const chainPort = parsePort(values['chain-port'], '--chain-port');
  const dynamodbPort = parsePort(values['dynamodb-port'], '--dynamodb-port');
  const privateKey: Hex = values['private-key-file']
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
      const started = anvil;
      cleanups.push(() => started.stop());
    }
    const opened = await openStore({
      dynamodbEndpoint: values['dynamodb-endpoint'],
      tableName: values.table ?? 'chaineval-reports',
      dynamodbPort,
      progress: io.progress,
    });
    cleanups.push(() => opened.close());

    const url = values.target ?? anvil?.url ?? '';
    io.progress(`connecting to ${redactUrl(url)} …`);
    const evm = registry.adapters.find((a) => a.family === 'evm');
    if (!evm) throw new ConfigError('no evm adapter is registered (a harness bug)');
    const adapter = await evm.connect({
      url,
      signer: { kind: 'local-key', privateKey },
      embedded: anvil !== undefined,
      cryptoSuite: cryptoSuite?.success ? cryptoSuite.data : undefined,
      caCertPem,
    });
    cleanups.push(() => adapter.close());
    io.progress(
      `run ${plan.runId}: ${adapter.info.clientVersion} (chain ${adapter.info.chainId}) against ${plan.profile.id}@${plan.profile.version}`,
    );

    const deps = { adapter, store: opened.store, registry, progress: io.progress };
    const incompleteReason = await runPreparedPlan(plan, deps, adapter, io, anvil);
    io.progress('scoring and writing the report …');
    const report = await finalizeRun(plan.runId, {
      store: opened.store,
      registry,
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
 * Prepares and executes the plan. A target that stops answering, or an operator's Ctrl-C, ends the
 * run early with a reason; what was stored so far is kept and the run is marked incomplete.
 */
async function runPreparedPlan(
  plan: ReturnType<typeof planRun>,
  deps: Parameters<typeof executePlan>[1],
  adapter: ChainAdapter,
  io: CliIo,
  anvil: RunningAnvil | undefined,
): Promise<string | undefined> {
  const interrupt = new AbortController();
  const onSignal = () => {
    interrupt.abort('interrupted by the operator (SIGINT)');
    io.error(
      'interrupt: finishing the check in flight, then storing an incomplete report (Ctrl-C again to abort)',
    );
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  void anvil?.exited.then(() => interrupt.abort('the embedded chain exited during the run'));
  try {
    await prepareRun(plan, deps);
    return await executePlan(plan, { ...deps, signal: interrupt.signal });
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
