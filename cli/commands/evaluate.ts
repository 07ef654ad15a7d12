import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createHookNodeControl } from '#conformance/operations/createHookNodeControl.ts';
import { NodeHooksFileSchema } from '#conformance/operations/NodeHooksFileSchema.ts';
import type { Hex, NodeControlApi } from '#core/adapter/ChainAdapter.ts';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import { findProfile, type ResolvedProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { type Attestation, EvidenceFileSchema } from '#core/run/AttestationSchema.ts';
import { executePlan } from '#core/run/executePlan.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import { type RunRequest, RunRequestSchema, SkippableKindSchema } from '#core/run/RunRequestSchema.ts';
import type { StepDeps } from '#core/run/StepDeps.ts';
import { createSecretScrubber } from '#core/security/createSecretScrubber.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { registry } from '#registry/index.ts';
import { createJournaledStore } from '#reports/journal/createJournaledStore.ts';
import { createJournalStore } from '#reports/journal/createJournalStore.ts';
import { parseReportFormats, type ReportFormat } from '#reports/ReportFormatSchema.ts';
import { parseReportLang, type ReportLang } from '#reports/render/ReportLangSchema.ts';
import { renderTerminalSummary } from '#reports/render/renderTerminalSummary.ts';
import type { Signer } from '#reports/seal/Signer.ts';
import { sealAndStore } from '#reports/seal/sealAndStore.ts';
import { writeEnvelopeFile } from '#reports/seal/writeEnvelopeFile.ts';
import { asSealStore } from '#reports/store/asSealStore.ts';
import { createScrubbingStore } from '#reports/store/createScrubbingStore.ts';
import { writeReportFiles } from '#reports/writeReportFiles.ts';
import { assertWritableFolder } from '../assertWritableFolder.ts';
import type { CliIo } from '../CliIo.ts';
import { describeCapacity } from '../describeCapacity.ts';
import { describeTargetChange } from '../describeTargetChange.ts';
import { assertPortFree } from '../embedded/assertPortFree.ts';
import { killAllServices } from '../embedded/spawnService.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '../embedded/startAnvil.ts';
import { guardIo } from '../guardIo.ts';
import { InterruptedError } from '../InterruptedError.ts';
import {
  capacitySearchSteps,
  type LoadMode,
  parseLoadMode,
  planForLoadMode,
  requestForLoadMode,
} from '../loadMode.ts';
import { parseLoadPreset, planForLoadPreset, requestForLoadPreset } from '../loadPreset.ts';
import { loadReportSigner } from '../loadReportSigner.ts';
import { embeddedDataDir, openStore, validateStoreOptions } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseParamFlags } from '../parseParamFlags.ts';
import { parseTargetUrl } from '../parseTargetUrl.ts';
import { readCaFile } from '../readCaFile.ts';
import { readPrivateKeyFile } from '../readPrivateKeyFile.ts';
import { readStructuredFile, type StructuredFileIssue } from '../readStructuredFile.ts';
import { reapAbandonedRuns } from '../reapAbandonedRuns.ts';
import { watchInterrupts } from '../watchInterrupts.ts';
import { evaluateRemoteCommand, wantsRemote } from './evaluateRemote.ts';

/** Load shards one CLI process runs at once (in-process; worker threads are a later step). */
export const cliMaxConcurrentShards = 16;

export const evaluateHelp = `Usage: chaineval evaluate [flags]

Runs the conformance, property and load suites of a profile against a chain, scores them, stores
the report in DynamoDB and writes reports/out/<runId>/. Without --target it starts an embedded anvil
chain and an embedded DynamoDB Local. Ctrl-C stops the run, stores what was obtained and writes an
incomplete report (exit 2); a second Ctrl-C stops at once (exit 130).

Flags:
  --remote <api-url>          run it in a deployed chaineval stack instead (chaineval evaluate --remote x --help)
  --profile <id>              profile to evaluate against: ${registry.profiles.map((p) => p.id).join(', ')} (default jrt-0193-2020)
  --target <url>              EVM JSON-RPC endpoint to evaluate (http:// or https://); repeat it for each
                              node of one network, so cross-node checks compare them (the first is used
                              for everything else)
  --private-key-file <file>   file holding the key of a funded account on --target (never printed or stored)
  --ca-file <pem>             extra CA certificate to trust for an https --target
  --node-hooks <file>         how to stop and start each node of the --target network (JSON or YAML), so
                              the restart and crash-tolerance experiments run (conformance-suites/operations)
  --crypto-suite <suite>      suite the target declares: ${CryptoSuiteSchema.options.join(', ')} (default secp256k1-keccak256)
  --rate <tps>                load: offered rate in transactions per second (the loadRateTps parameter)
  --duration <s>              load: seconds of constant-rate sending (the loadDurationS parameter)
  --shards <n>                load: shards sending at once (default 1)
  --load <all|capacity>       load: all runs every load scenario (default); capacity runs only the capacity
                              search (PERF-04), ${capacitySearchSteps} steps deep unless --param loadCapacityMaxSteps says
                              otherwise, and ends with "capacity N tx/s at p95 M s, stopped by <bound>"
  --load-preset <name>        load: a CAICT test shape of the constant-rate transfers, from the stress rate
                              given by --rate: stress (that rate, 60 s, success ≥ 95%), spike (2×, 30 s,
                              ≥ 75%), stability (20%, 1800 s, ≥ 95%); --param overrides any part
  --param <key=value>         set a parameter of the profile (repeatable), e.g. --param ledgerSampleBlocks=64
  --params <file>             parameters from a JSON or YAML file: { "ledgerSampleBlocks": 64, … }
  --evidence <file>           documents attached for the profile's evidence items (JSON or YAML):
                              attestations: [{ item, document, sha256, attestedBy, attestedAt }]
  --skip <steps>              comma-separated steps to leave out: ${SkippableKindSchema.options.join(', ')}
  --max-duration <s>          stop the run after this many seconds (it ends incomplete, with what it obtained)
  --dynamodb-endpoint <url>   DynamoDB endpoint to store reports in (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  --out <dir>                 where report files and the run journal go (default reports/out)
  --format <list>             extra report files beside report.json and report.html: junit, sarif, markdown
                              (repeatable or comma-separated; json and html are always written)
  --lang <zh|en|both>         language of the HTML report (default both)
  --signing-key <file>        PEM key that seals the report (report.dsse.json); default .chaineval/keys/
                              report-signing-key.pem, created on first use (chaineval keys generate)
  --chain-port <port>         port for the embedded anvil (default: a free port)
  --dynamodb-port <port>      port for the embedded DynamoDB Local (default: a free port)
  --fail-on <verdict>         exit 3 when the overall verdict is this bad: nonconform | partially-conform
  --no-color                  plain output
  -h, --help                  this help

Exit codes: 0 done · 1 bad input or environment · 2 run incomplete, or its report not stored ·
3 verdict worse than --fail-on · 130 interrupted during start-up, or by a second interrupt.
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
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new ConfigError(`${flag} must be a positive ${integer ? 'integer' : 'number'} (got "${value}")`);
  }
  return n;
}

/** The run request from the flags: the same shape the cloud's Plan Lambda receives. */
function requestFromFlags(
  values: Record<string, string | boolean | string[] | undefined>,
  files: {
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly attestations: readonly Attestation[];
  },
): RunRequest {
  const parameters = parseParamFlags((values.param as string[] | undefined) ?? []);
  for (const [name, value] of Object.entries(files.parameters)) {
    if (Object.hasOwn(parameters, name)) {
      throw new ConfigError(`parameter ${name} is set both in --params and by --param; give it once`);
    }
    parameters[name] = value;
  }
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
    attestations: files.attestations,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid run request: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** A parameters file: parameter name → value, as `--param` would set them. */
const ParamsFileSchema = z.record(z.string(), z.json());

/** The first entry of a --params file the profile does not read, or whose value its check refuses. */
function parameterIssue(
  params: Readonly<Record<string, unknown>>,
  resolved: ResolvedProfile,
): StructuredFileIssue | undefined {
  for (const [name, value] of Object.entries(params)) {
    const definition = resolved.parameters.get(name);
    if (definition === undefined) {
      return {
        path: [name],
        message: `profile ${resolved.profile.id} has no parameter "${name}"; known: ${[...resolved.parameters.keys()].join(', ')}`,
      };
    }
    const parsed = definition.schema.safeParse(value);
    if (!parsed.success) {
      const inner = parsed.error.issues[0];
      return {
        path: [name, ...((inner?.path ?? []) as (string | number)[])],
        message: `${inner?.message ?? 'invalid'}; ${definition.description}`,
      };
    }
  }
  return undefined;
}

/** The first entry of an --evidence file naming an item the profile does not ask for, or one given twice. */
/**
 * `--node-hooks <file>`: the operator's way to stop and start each node of the --target network.
 * Refused with one line when given without --target (the embedded anvil is one node) or when a node
 * names an endpoint the run does not have.
 */
async function readNodeHooks(path: string | undefined, targets: number): Promise<NodeControlApi | undefined> {
  if (path === undefined) return undefined;
  if (targets === 0)
    throw new ConfigError(
      '--node-hooks controls the nodes of a --target network; pass --target once per node, or leave --node-hooks out for the embedded chain',
    );
  const file = await readStructuredFile(path, '--node-hooks', NodeHooksFileSchema, (hooks) => {
    const index = hooks.nodes.findIndex((node) => node.endpoint !== undefined && node.endpoint >= targets);
    const node = hooks.nodes[index];
    return node === undefined
      ? undefined
      : {
          path: ['nodes', index, 'endpoint'],
          message: `node "${node.name}" names endpoint ${node.endpoint}, but the run has ${targets} --target(s) (endpoints count from 0)`,
        };
  });
  return createHookNodeControl(file);
}

function attestationIssue(
  attestations: readonly Attestation[],
  resolved: ResolvedProfile,
): StructuredFileIssue | undefined {
  const known = Object.keys(resolved.profile.evidence);
  const seen = new Set<string>();
  for (const [i, a] of attestations.entries()) {
    if (!known.includes(a.item)) {
      return {
        path: ['attestations', i, 'item'],
        message: `profile ${resolved.profile.id} asks for no evidence item "${a.item}"; known items: ${known.join(', ') || 'none'}`,
      };
    }
    if (seen.has(a.item)) {
      return { path: ['attestations', i, 'item'], message: `"${a.item}" is attested twice; give it once` };
    }
    seen.add(a.item);
  }
  return undefined;
}

/** Everything a run needs that can be checked before anything is started. */
interface EvaluateInputs {
  readonly plan: RunPlan;
  /** The endpoints of the network under test, primary first; none: the embedded chain. */
  readonly targets: readonly string[];
  readonly privateKey: Hex;
  readonly caCertPem: string | undefined;
  /** The operator's node hooks (`--node-hooks`): fault experiments on the target network. */
  readonly nodeControl: NodeControlApi | undefined;
  readonly cryptoSuite: ReturnType<typeof CryptoSuiteSchema.parse> | undefined;
  readonly outDir: string;
  readonly tableName: string;
  readonly dynamodbEndpoint: string | undefined;
  readonly chainPort: number | undefined;
  readonly dynamodbPort: number | undefined;
  readonly failOn: 'nonconform' | 'partially-conform' | undefined;
  /** `--load capacity`: the load step is the capacity search, and the run ends with its figure. */
  readonly loadMode: LoadMode;
  readonly maxDurationS: number | undefined;
  readonly color: boolean;
  /** Seals the report (report.dsse.json and the store's hash chain). */
  readonly signer: Signer;
  readonly formats: readonly ReportFormat[];
  readonly lang: ReportLang;
}

/** Flags, files, folders and names, each refused with one line before any service starts. */
async function validateInputs(argv: readonly string[], io: CliIo): Promise<EvaluateInputs | 'help'> {
  const { values, positionals } = parseFlags('evaluate', argv, {
    profile: { type: 'string' },
    target: { type: 'string', multiple: true },
    'private-key-file': { type: 'string' },
    'ca-file': { type: 'string' },
    'node-hooks': { type: 'string' },
    'crypto-suite': { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    shards: { type: 'string' },
    param: { type: 'string', multiple: true },
    params: { type: 'string' },
    evidence: { type: 'string' },
    skip: { type: 'string' },
    'max-duration': { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string', multiple: true },
    lang: { type: 'string' },
    'signing-key': { type: 'string' },
    'chain-port': { type: 'string' },
    'dynamodb-port': { type: 'string' },
    'fail-on': { type: 'string' },
    load: { type: 'string' },
    'load-preset': { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) {
    throw new ConfigError(
      `evaluate takes no positional arguments (got "${positionals[0]?.slice(0, 80)}"); use --target <url> for an endpoint`,
    );
  }
  const targets = (values.target ?? []).map(parseTargetUrl);
  if (values['private-key-file'] && targets.length === 0) {
    throw new ConfigError(
      '--private-key-file needs --target <url>; without --target the embedded chain and its dev account are used',
    );
  }
  if (targets.length > 0 && !values['private-key-file']) {
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
  // Plan early: a bad profile, parameter or shard count is refused before anything starts.
  // Files are checked against the profile here, so an unknown or invalid entry names its line.
  const resolved = resolveProfile(findProfile(registry, values.profile ?? 'jrt-0193-2020'), registry);
  const files = {
    parameters:
      values.params === undefined
        ? {}
        : await readStructuredFile(values.params, '--params', ParamsFileSchema, (params) =>
            parameterIssue(params, resolved),
          ),
    attestations:
      values.evidence === undefined
        ? []
        : (
            await readStructuredFile(values.evidence, '--evidence', EvidenceFileSchema, (file) =>
              attestationIssue(file.attestations, resolved),
            )
          ).attestations,
  };
  const request = requestFromFlags(values, files);
  const loadMode = parseLoadMode(values.load, request.skip);
  const loadPreset = parseLoadPreset(values['load-preset'], loadMode);
  const shaped = requestForLoadPreset(requestForLoadMode(request, loadMode), loadPreset);
  const planned = planRun(shaped, registry, { maxConcurrentShards: cliMaxConcurrentShards });
  const plan = planForLoadPreset(planForLoadMode(planned, loadMode), loadPreset);
  const tableName = values.table ?? 'chaineval-reports';
  validateStoreOptions({ tableName, dynamodbEndpoint: values['dynamodb-endpoint'] });
  const outDir = values.out ?? join('reports', 'out');
  await assertWritableFolder(outDir, '--out', 'pass --out <dir> with a folder you can write to');
  if (values['dynamodb-endpoint'] === undefined) {
    await assertWritableFolder(
      embeddedDataDir(),
      'the embedded store folder',
      'run chaineval from a folder you can write to, or pass --dynamodb-endpoint',
    );
  }
  const chainPort = parsePort(values['chain-port'], '--chain-port');
  const dynamodbPort = parsePort(values['dynamodb-port'], '--dynamodb-port');
  // A port in use is bad input: refused before anything starts, not after the other service started
  // (bad-input corpus, "--dynamodb-port in use"). Checked again where each service starts.
  if (chainPort !== undefined && targets.length === 0) await assertPortFree(chainPort, 'the embedded chain');
  if (dynamodbPort !== undefined && values['dynamodb-endpoint'] === undefined)
    await assertPortFree(dynamodbPort, 'DynamoDB Local');
  return {
    plan,
    targets,
    privateKey: values['private-key-file']
      ? await readPrivateKeyFile(values['private-key-file'])
      : anvilDevPrivateKey,
    caCertPem: values['ca-file'] ? await readCaFile(values['ca-file']) : undefined,
    nodeControl: await readNodeHooks(values['node-hooks'], targets.length),
    cryptoSuite: cryptoSuite?.success ? cryptoSuite.data : undefined,
    outDir,
    tableName,
    dynamodbEndpoint: values['dynamodb-endpoint'],
    chainPort,
    dynamodbPort,
    failOn,
    loadMode,
    maxDurationS: parseNumber(values['max-duration'], '--max-duration'),
    color: io.color && !values['no-color'],
    formats: parseReportFormats(values.format ?? []),
    lang: parseReportLang(values.lang),
    signer: await loadReportSigner(values['signing-key'], io.progress),
  };
}

/** `chaineval evaluate`: validate → plan → start what is embedded → prepare, run, finalize → report. */
export async function evaluateCommand(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // `--remote <api-url>`: the run happens in a deployed stack; this process submits and follows it.
  if (wantsRemote(argv)) return evaluateRemoteCommand(argv, rawIo);
  const validated = await validateInputs(argv, rawIo);
  if (validated === 'help') {
    rawIo.out(evaluateHelp);
    return 0;
  }
  const inputs = validated;
  const io = guardIo(rawIo, createSecretScrubber(inputs.targets));
  /** Set once the run exists (its "run <id>" line): before that an interrupt only stops what was started. */
  let runStarted = false;
  const interrupts = watchInterrupts({
    // Before the run exists there is nothing to finish or store: the one line is the InterruptedError's.
    onFirst: (reason) => {
      if (runStarted)
        io.error(
          `${reason}: finishing the check in flight, then storing an incomplete report${reason.startsWith('interrupted by') ? ' (again to stop at once)' : ''}`,
        );
    },
    onSecond: (signal) => {
      killAllServices();
      rawIo.error(
        runStarted
          ? `${signal} again: stopped at once; what was stored so far stays in the store and the run journal`
          : `${signal} again: stopped at once while starting; nothing was stored`,
      );
      process.exit(130);
    },
  });
  /** Set when --max-duration ran out: before the run exists that is a too short limit, not an interrupt. */
  let deadlineSpent = false;
  const maxDuration =
    inputs.maxDurationS === undefined
      ? undefined
      : setTimeout(() => {
          deadlineSpent = true;
          interrupts.abort(`the run exceeded --max-duration ${inputs.maxDurationS} s`);
        }, inputs.maxDurationS * 1_000);
  const cleanups: (() => Promise<void>)[] = [];
  /** Set once the run is finalized: stopping the embedded chain then is not an interruption. */
  let runEnded = false;
  const assertNotInterrupted = () => {
    if (interrupts.signal.aborted)
      throw new InterruptedError(`${String(interrupts.signal.reason)} while starting; nothing was stored`);
  };
  try {
    // A given DynamoDB endpoint is opened first: one that is closed, silent or not DynamoDB is bad
    // input, refused before the embedded chain starts (bad-input corpus, "--dynamodb-endpoint ...").
    const external =
      inputs.dynamodbEndpoint === undefined
        ? undefined
        : await openStore({
            dynamodbEndpoint: inputs.dynamodbEndpoint,
            tableName: inputs.tableName,
            progress: io.progress,
          });
    if (external) cleanups.push(() => external.close());
    let anvil: RunningAnvil | undefined;
    if (inputs.targets.length === 0) {
      io.progress('starting embedded anvil chain …');
      const started = await startAnvil(inputs.chainPort === undefined ? {} : { port: inputs.chainPort });
      anvil = started;
      cleanups.push(() => started.stop());
      io.progress(`embedded anvil on ${started.url} (pid ${started.pid})`);
      assertNotInterrupted();
    }
    const opened =
      external ??
      (await openStore({
        tableName: inputs.tableName,
        dynamodbPort: inputs.dynamodbPort,
        progress: io.progress,
        signal: interrupts.signal,
      }));
    if (!external) cleanups.push(() => opened.close());
    assertNotInterrupted();
    await reapAbandonedRuns(opened.store, registry, io.progress);

    const urls = inputs.targets.length > 0 ? inputs.targets : [anvil?.url ?? ''];
    const evm = registry.adapters.find((a) => a.family === 'evm');
    if (!evm) throw new ConfigError('no evm adapter is registered (a harness bug)');
    const connectionOf = (url: string) =>
      ({
        url,
        signer: { kind: 'local-key', privateKey: inputs.privateKey },
        embedded: anvil !== undefined,
        cryptoSuite: inputs.cryptoSuite,
        caCertPem: inputs.caCertPem,
        nodeControl: inputs.nodeControl,
      }) as const;
    const network = [];
    for (const url of urls) {
      io.progress(`connecting to ${redactUrl(url)} …`);
      const endpoint = await evm.connect(connectionOf(url));
      cleanups.push(() => endpoint.close());
      network.push(endpoint);
      assertNotInterrupted();
    }
    const [adapter] = network;
    if (!adapter) throw new ConfigError('no endpoint to evaluate (a harness bug)');
    const connection = connectionOf(urls[0] ?? '');

    const { plan } = inputs;
    const journalPath = join(inputs.outDir, plan.runId, 'journal.jsonl');
    const store = createScrubbingStore(
      createJournaledStore(createJournalStore(journalPath), opened.store, (reason) =>
        io.error(`the report store failed (${reason}); the run goes on, kept in ${journalPath}`),
      ),
      createSecretScrubber(inputs.targets),
    );
    io.progress(
      `run ${plan.runId}: ${adapter.info.clientVersion} (chain ${adapter.info.chainId}) against ${plan.profile.id}@${plan.profile.version}`,
    );
    // Once the disruptive step has begun (checks that may stop the node, last in the run), the
    // embedded chain exiting is what that step judges, not a run that cannot finish.
    let disrupting = false;
    const deps: StepDeps = {
      adapter,
      network,
      store,
      registry,
      progress: io.progress,
      signal: interrupts.signal,
      onStep: (step) => {
        if (step.id === 'disruptive') disrupting = true;
      },
    };
    void anvil?.exited.then(() => {
      if (runEnded) return;
      if (disrupting)
        io.progress('the embedded chain exited during the disruptive checks: the check in flight judges it');
      else interrupts.abort('the embedded chain exited during the run');
    });

    runStarted = true;
    const stoppedBecause = await runPlan(plan, deps, io);
    // A killed embedded chain is often seen first as "nothing answered" by the step in flight, before
    // its exit is reaped: give the exit a moment, so the reason names the cause.
    if (stoppedBecause !== undefined && anvil && !interrupts.signal.aborted) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([anvil.exited, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
      clearTimeout(timer);
    }
    // After an interrupt, a dead embedded chain or a spent --max-duration, the step that stopped
    // reports what it saw (e.g. "nothing answered at …"); the cause is the abort's reason (bad-input
    // corpus, "embedded chain dies").
    const incompleteReason =
      stoppedBecause !== undefined && interrupts.signal.aborted
        ? String(interrupts.signal.reason)
        : (stoppedBecause ?? (await describeTargetChange(adapter.info, () => evm.connect(connection))));
    runEnded = true;
    io.progress('scoring and writing the report …');
    const report = await finalizeRun(plan.runId, {
      store,
      registry,
      ...(incompleteReason === undefined ? {} : { incompleteReason }),
    });
    const paths = await writeReportFiles(report, inputs.outDir, inputs.formats, inputs.lang);
    const sealFailure = await sealReportFiles(
      report,
      paths.dir,
      inputs.signer,
      opened.store,
      store.storeFailure(),
      io,
    );
    io.out(renderTerminalSummary(report, { color: inputs.color }));
    io.out(`report ${report.reportId}: ${Object.values(paths.paths).join('\n                         ')}`);
    if (inputs.loadMode === 'capacity') io.out(describeCapacity(report));
    const code = exitCode(report, incompleteReason, store.storeFailure(), inputs, io);
    return code === 0 && sealFailure ? 2 : code;
  } catch (error) {
    // Exit 130 is for an operator's interrupt; a limit spent before the run began is bad input (exit 1).
    if (error instanceof InterruptedError && deadlineSpent && !runStarted) {
      throw new ConfigError(
        `--max-duration ${inputs.maxDurationS} s ran out while starting, before the run began; nothing was stored; allow more time (the embedded services take a few seconds to start)`,
      );
    }
    throw error;
  } finally {
    runEnded = true;
    clearTimeout(maxDuration);
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    interrupts.dispose();
  }
}

/**
 * Prepares and executes the plan. A target that stops answering, an interrupt or a spent
 * --max-duration ends the run early with a reason; what was stored so far is kept and the run is
 * marked incomplete. A harness fault is a reason too, never a lost run.
 */
async function runPlan(plan: RunPlan, deps: StepDeps, io: CliIo): Promise<string | undefined> {
  try {
    await prepareRun(plan, deps, { owner: { host: hostname(), pid: process.pid } });
    if (deps.signal?.aborted) return String(deps.signal.reason);
    return await executePlan(plan, deps);
  } catch (error) {
    if (error instanceof TargetError) return `${error.shortMessage}`;
    const message =
      error instanceof ChainevalError
        ? error.shortMessage
        : error instanceof Error
          ? error.message
          : String(error);
    if (!(error instanceof ChainevalError)) io.error(`harness fault (please report): ${message}`);
    return `harness fault: ${message}`;
  }
}

/**
 * Seals the report on its target's hash chain in the store and writes report.dsse.json beside it.
 * Not when the store failed during the run: the chain head cannot be read, and a seal claiming to be
 * the first of its target would be false. Returns true when the report is left unsealed (exit 2).
 */
async function sealReportFiles(
  report: Report,
  dir: string,
  signer: Signer,
  store: Parameters<typeof asSealStore>[0],
  storeFailure: string | undefined,
  io: CliIo,
): Promise<boolean> {
  if (storeFailure !== undefined) {
    io.error('the report is not sealed: the store failed, so its chain of sealed reports cannot be read');
    return true;
  }
  try {
    const sealed = await sealAndStore(report, signer, asSealStore(store));
    const path = await writeEnvelopeFile(dir, sealed.envelope);
    const link = sealed.statement.predicate.previous;
    io.progress(
      `sealed ${path} with key ${signer.keyId} (${signer.algorithm}); ${link === null ? 'first sealed report of this target' : `links report ${link.reportId}`}`,
    );
    return false;
  } catch (error) {
    if (!(error instanceof ChainevalError)) throw error;
    io.error(`the report is not sealed: ${error.shortMessage}`);
    return true;
  }
}

function exitCode(
  report: Report,
  incompleteReason: string | undefined,
  storeFailure: string | undefined,
  inputs: EvaluateInputs,
  io: CliIo,
): number {
  if (incompleteReason !== undefined) {
    io.error(`run incomplete: ${incompleteReason}; the results obtained are in report ${report.reportId}`);
    return 2;
  }
  if (storeFailure !== undefined) {
    io.error(
      `the report was written to ${inputs.outDir} but not stored (${storeFailure}); when the store is back, run: chaineval reports import ${join(inputs.outDir, report.reportId)}`,
    );
    return 2;
  }
  const bad =
    inputs.failOn === 'nonconform'
      ? ['nonconform']
      : inputs.failOn === 'partially-conform'
        ? ['nonconform', 'partially-conform']
        : [];
  return bad.includes(report.overall.verdict) ? 3 : 0;
}
