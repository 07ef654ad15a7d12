import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { resolveParameters } from '#core/profile/resolveParameters.ts';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { createSecretScrubber } from '#core/security/createSecretScrubber.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { exportK6 } from '#load/k6/exportK6.ts';
import { k6ArrivalRate } from '#load/k6/k6ArrivalRate.ts';
import { k6ScenarioOf } from '#load/k6/k6ScenarioOf.ts';
import { k6ExportFiles } from '#load/k6/renderK6Script.ts';
import { registry } from '#registry/index.ts';
import { assertWritableFolder } from '../assertWritableFolder.ts';
import type { CliIo } from '../CliIo.ts';
import { guardIo } from '../guardIo.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseParamFlags } from '../parseParamFlags.ts';
import { parseTargetUrl } from '../parseTargetUrl.ts';
import { readCaFile } from '../readCaFile.ts';
import { readPrivateKeyFile } from '../readPrivateKeyFile.ts';

export const exportHelp = `Usage: chaineval export k6 --target <url> --private-key-file <file> --out <dir> [flags]

Writes a k6 script (${k6ExportFiles.script}), its corpus (${k6ExportFiles.corpus}) and a manifest
(${k6ExportFiles.manifest}) for the transfer load scenario (PERF-01/02: pre-signed transactions) or the read
workload (PERF-03), from the same schedule, accounts, workload and signing as "chaineval evaluate"
uses, so teams with k6 infrastructure (k6-operator, Grafana Cloud k6) can drive the load. The export
funds its accounts on --target from the account of --private-key-file: run a transfer script once,
against that chain (the corpus holds fixed nonces). Then "chaineval import k6-summary
chaineval-summary.json" where k6 ran. Docs: load-tests/k6/README.md.

Flags:
  --target <url>              EVM JSON-RPC endpoint the script will load (http:// or https://)
  --private-key-file <file>   file holding the key of a funded account on --target (pays the senders)
  --out <dir>                 folder to write the export to (must not hold an export already)
  --scenario <name>           transfer (default; PERF-01/02) or query (PERF-03: balance reads and eth_call)
  --rate <n>                  offered rate per second (loadRateTps; queryRateRps for --scenario query)
  --duration <s>              seconds of constant-rate sending (loadDurationS; queryDurationS for query)
  --shards <n>                sender sets as chaineval's shards would use (default 1)
  --param <key=value>         set a parameter of the profile (repeatable), e.g. --param loadSuccessRateMin=0.99
  --profile <id>              profile whose parameters set the thresholds (default jrt-0193-2020)
  --ca-file <pem>             extra CA certificate to trust for an https --target
  -h, --help                  this help
`;

function positiveNumber(value: string | undefined, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new ConfigError(
      `${flag} must be a positive ${integer ? 'integer' : 'number'} (got "${value.slice(0, 40)}")`,
    );
  }
  return n;
}

/** `chaineval export k6`: parse → resolve the profile's parameters → connect → exportK6 → say what to run. */
export async function exportCommand(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('export', argv, {
    target: { type: 'string' },
    'private-key-file': { type: 'string' },
    out: { type: 'string' },
    scenario: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    shards: { type: 'string' },
    param: { type: 'string', multiple: true },
    profile: { type: 'string' },
    'ca-file': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    rawIo.out(exportHelp);
    return 0;
  }
  const [format, extra] = positionals;
  if (format !== 'k6' || extra !== undefined) {
    throw new ConfigError(
      `export writes k6 scripts only: "chaineval export k6 --target <url> --private-key-file <file> --out <dir>" (got "${positionals.join(' ').slice(0, 40)}")`,
    );
  }
  const scenario = values.scenario ?? 'transfer';
  if (scenario !== 'transfer' && scenario !== 'query') {
    throw new ConfigError(
      `--scenario must be "transfer" (PERF-01/02) or "query" (PERF-03) (got "${scenario.slice(0, 40)}")`,
    );
  }
  const transfer = scenario === 'transfer';
  const overrides = parseParamFlags(values.param ?? []);
  for (const [flag, name] of [
    ['rate', transfer ? 'loadRateTps' : 'queryRateRps'],
    ['duration', transfer ? 'loadDurationS' : 'queryDurationS'],
  ] as const) {
    const value = positiveNumber(values[flag], `--${flag}`);
    if (value === undefined) continue;
    if (Object.hasOwn(overrides, name))
      throw new ConfigError(`--${flag} and --param ${name} set the same parameter; give only one`);
    overrides[name] = value;
  }
  const shardCount = positiveNumber(values.shards, '--shards', true) ?? 1;
  if (shardCount > 64) throw new ConfigError(`--shards must be at most 64 (got ${shardCount})`);
  const resolved = resolveProfile(findProfile(registry, values.profile ?? 'jrt-0193-2020'), registry);
  const scenarioName = k6ScenarioOf({ scenario }).name;
  if (!resolved.scenarios.some((s) => s.scenario.name === scenarioName)) {
    throw new ConfigError(
      `profile ${resolved.profile.id} maps no check to the ${scenario} load scenario, so there is nothing to export for it`,
    );
  }
  const { values: parameters, overridden } = resolveParameters(resolved, overrides);
  // Refused before anything is funded: k6 takes whole iterations per time unit.
  k6ArrivalRate((transfer ? parameters.loadRateTps : parameters.queryRateRps) as number);
  if (values.target === undefined)
    throw new ConfigError(
      'export k6 needs --target <url>: the chain the script will load, where its senders are funded',
    );
  const target = parseTargetUrl(values.target);
  if (values['private-key-file'] === undefined)
    throw new ConfigError(
      'export k6 needs --private-key-file <file> holding the key of an account funded on --target (it pays the senders)',
    );
  if (values.out === undefined)
    throw new ConfigError('export k6 needs --out <dir>: the folder to write the script and corpus to');
  const outDir = values.out;
  if (existsSync(join(outDir, k6ExportFiles.manifest))) {
    throw new ConfigError(
      `${outDir} already holds an export (${k6ExportFiles.manifest}); its corpus is tied to its senders' nonces, so choose another --out`,
    );
  }
  await assertWritableFolder(outDir, '--out', 'pass --out <dir> with a folder you can write to');
  const privateKey = await readPrivateKeyFile(values['private-key-file']);
  const caCertPem = values['ca-file'] ? await readCaFile(values['ca-file']) : undefined;

  const io = guardIo(rawIo, createSecretScrubber([target]));
  const evm = registry.adapters.find((a) => a.family === 'evm');
  if (!evm) throw new ConfigError('no evm adapter is registered (a harness bug)');
  io.progress(`connecting to ${redactUrl(target)} …`);
  const adapter = await evm.connect({
    url: target,
    signer: { kind: 'local-key', privateKey },
    ...(caCertPem === undefined ? {} : { caCertPem }),
  });
  try {
    const missing = (['tx.clientSign', 'account.fund', 'account.nonce'] as const).filter(
      (c) => !adapter.capabilities.has(c),
    );
    if (missing.length > 0) {
      throw new ConfigError(
        `${redactUrl(target)} lacks ${missing.join(', ')}, which a k6 export needs to sign and fund`,
      );
    }
    const runId = newRunId();
    const manifest = await exportK6({
      scenario,
      adapter: adapter as AdapterWith<'account.fund' | 'tx.clientSign' | 'account.nonce'>,
      runId,
      profile: { id: resolved.profile.id, version: resolved.profile.version, digest: resolved.digest },
      parameters,
      overridden,
      shardCount,
      outDir,
      progress: io.progress,
    });
    const accounts =
      manifest.scenario === 'transfer'
        ? `${manifest.senders.length} funded sender(s)`
        : `${manifest.subjects.length} funded account(s) whose balance is read`;
    io.out(
      `exported run ${runId}: ${manifest.transactions} ${transfer ? 'pre-signed transactions' : 'reads'} at ${manifest.shape.rateTps}/s for ${manifest.shape.durationS} s, ${accounts}`,
    );
    io.out(`  k6 run ${join(outDir, k6ExportFiles.script)}`);
    io.out(`  chaineval import k6-summary ${k6ExportFiles.summary}`);
    return 0;
  } finally {
    await adapter.close().catch(() => {});
  }
}
