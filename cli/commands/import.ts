import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generatePrivateKey } from 'viem/accounts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { importK6Summary } from '#load/k6/importK6Summary.ts';
import type { K6ExportManifest } from '#load/k6/K6ExportManifestSchema.ts';
import { k6ScenarioOf } from '#load/k6/k6ScenarioOf.ts';
import { mergeK6Summaries } from '#load/k6/mergeK6Summaries.ts';
import { parseK6Summary, parseManifest } from '#load/k6/parseK6Summary.ts';
import { type CorpusCommits, readCorpusCommits } from '#load/k6/readCorpusCommits.ts';
import { readExportCorpus } from '#load/k6/readExportCorpus.ts';
import { registry } from '#registry/index.ts';
import { sanitizeForTerminal } from '#reports/render/sanitizeForTerminal.ts';
import type { CliIo } from '../CliIo.ts';
import { openStore, validateStoreOptions } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseTargetUrl } from '../parseTargetUrl.ts';
import { readCaFile } from '../readCaFile.ts';

export const importHelp = `Usage: chaineval import k6-summary <file> [<file> …] [flags]

Turns the end-of-test summary of a script from "chaineval export k6" into the load verdicts of a run
in the report store. <file> is what the script's handleSummary wrote (chaineval-summary.json, the
export's manifest inside) or k6's --summary-export output (then give --manifest). Transfers: k6 sees
acknowledgements, not blocks, so a summary can fail PERF-01 (too few accepted, or with --target too
few committed) or PERF-02 (every acknowledgement over the bound) and otherwise leaves them
inconclusive, with the accepted TPS and acknowledgement latency it measured. Reads: PERF-03 is judged
in full (correct answers, p95). Several files are the summaries of one run's k6
instances (k6-operator parallelism): counts add up, percentiles become upper bounds. See
load-tests/k6/README.md.

Flags:
  --manifest <file>           the export's manifest.json, when <file> does not carry it
  --target <url>              read every corpus transaction's receipt from this chain (the exported one):
                              PERF-01 then also fails when acknowledged transactions were never committed
  --corpus <file>             the export's corpus.json, for --target (default: beside --manifest)
  --ca-file <pem>             extra CA certificate to trust for an https --target
  --run <runId>               add the verdicts to this stored, finished run (same profile and chain, no
                              transfer load of its own); default: the run the export reserved
  --store <embedded|memory>   embedded: the .chaineval/ DynamoDB Local (default); memory: judge and print,
                              store nothing
  --dynamodb-endpoint <url>   DynamoDB endpoint to store the run in (instead of the embedded one)
  --table <name>              DynamoDB table (default chaineval-reports)
  -h, --help                  this help
`;

/** Summaries of one run's k6 instances merged at most (k6-operator parallelism beyond this is unusual). */
const maxSummaryFiles = 256;

/** A file read as JSON, with one line for a missing or non-JSON file. */
async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read ${what} ${path} (${code ?? 'error'}); pass the file ${what === 'the manifest' ? '"chaineval export k6" wrote' : 'k6 wrote'}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `${path} is not JSON (${error instanceof Error ? error.message.slice(0, 80) : String(error)}); pass the JSON ${what} as k6 wrote it`,
    );
  }
}

/** `chaineval import k6-summary <file>`: parse → judge and store (importK6Summary) → print the verdicts. */
export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('import', argv, {
    manifest: { type: 'string' },
    target: { type: 'string' },
    corpus: { type: 'string' },
    'ca-file': { type: 'string' },
    run: { type: 'string' },
    store: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(importHelp);
    return 0;
  }
  const [kind, ...files] = positionals;
  if (kind !== 'k6-summary' || files.length === 0) {
    throw new ConfigError(
      `import takes "k6-summary <file> [<file> …]", e.g. "chaineval import k6-summary chaineval-summary.json" (got "${positionals.join(' ').slice(0, 60)}")`,
    );
  }
  if (files.length > maxSummaryFiles) {
    throw new ConfigError(
      `import k6-summary takes at most ${maxSummaryFiles} summary files, one per k6 instance (got ${files.length})`,
    );
  }
  const file = files.length === 1 ? files[0]! : `${files.length} summaries`;
  const storeKind = values.store ?? 'embedded';
  if (storeKind !== 'embedded' && storeKind !== 'memory') {
    throw new ConfigError(`--store must be "embedded" or "memory" (got "${storeKind.slice(0, 40)}")`);
  }
  if (storeKind === 'memory' && (values['dynamodb-endpoint'] !== undefined || values.run !== undefined)) {
    throw new ConfigError(
      '--store memory stores nothing and reads no run; drop --dynamodb-endpoint and --run, or the --store flag',
    );
  }
  if (values.run !== undefined && !RunIdSchema.safeParse(values.run).success) {
    throw new ConfigError(
      `--run "${values.run.slice(0, 40)}" is not a run id like 20261124T101500Z-1a2b3c4d; "chaineval reports list" shows them`,
    );
  }
  const tableName = values.table ?? 'chaineval-reports';
  validateStoreOptions({ tableName, dynamodbEndpoint: values['dynamodb-endpoint'] });

  const summaries = [];
  for (const f of files) summaries.push(parseK6Summary(await readJson(f, 'the k6 summary'), f));
  const summary = mergeK6Summaries(summaries);
  const fromFile =
    values.manifest === undefined
      ? undefined
      : parseManifest(await readJson(values.manifest, 'the manifest'), values.manifest);
  if (fromFile && summary.manifest && fromFile.runId !== summary.manifest.runId) {
    throw new ConfigError(
      `${file} is the summary of export ${summary.manifest.runId}, but --manifest is export ${fromFile.runId}; give the matching manifest, or none`,
    );
  }
  const manifest = summary.manifest ?? fromFile;
  if (manifest === undefined) {
    throw new ConfigError(
      `${file} does not carry the export's manifest (a --summary-export file never does); add --manifest <export dir>/manifest.json`,
    );
  }

  if (values.corpus !== undefined && values.target === undefined) {
    throw new ConfigError('--corpus is read only with --target <url>, the chain to read its receipts from');
  }
  const commits =
    values.target === undefined
      ? undefined
      : await readCommits(values.target, values.corpus, values.manifest, values['ca-file'], manifest, io);

  let store: ResultStore;
  let close = async () => {};
  if (storeKind === 'memory') {
    store = createMemoryResultStore();
  } else {
    const opened = await openStore({
      dynamodbEndpoint: values['dynamodb-endpoint'],
      tableName,
      progress: io.progress,
    });
    store = opened.store;
    close = opened.close;
  }
  try {
    const report = await importK6Summary({ store, registry, summary, manifest, runId: values.run, commits });
    printImport(io, report, manifest, storeKind === 'memory');
    return 0;
  } finally {
    await close();
  }
}

/** The receipts of the export's corpus, read by chaineval from the exported chain (and only from it). */
async function readCommits(
  rawTarget: string,
  corpusFlag: string | undefined,
  manifestFlag: string | undefined,
  caFile: string | undefined,
  manifest: K6ExportManifest,
  io: CliIo,
): Promise<CorpusCommits> {
  const target = parseTargetUrl(rawTarget);
  const corpusPath =
    corpusFlag ??
    (manifestFlag === undefined ? undefined : join(dirname(manifestFlag), manifest.corpus.file));
  if (corpusPath === undefined) {
    throw new ConfigError(
      `--target reads the receipts of the export's transactions: add --corpus <export dir>/${manifest.corpus.file}`,
    );
  }
  if (manifest.scenario !== 'transfer') {
    throw new ConfigError(
      `--target reads the receipts of a transfer export's transactions; export ${manifest.runId} holds reads, which leave none`,
    );
  }
  const corpus = await readExportCorpus(corpusPath, manifest);
  const caCertPem = caFile === undefined ? undefined : await readCaFile(caFile);
  const evm = registry.adapters.find((a) => a.family === 'evm');
  if (!evm) throw new ConfigError('no evm adapter is registered (a harness bug)');
  // Reads only: the key signs nothing, so a fresh random one is all the adapter needs.
  const adapter = await evm.connect({
    url: target,
    signer: { kind: 'local-key', privateKey: generatePrivateKey() },
    ...(caCertPem === undefined ? {} : { caCertPem }),
  });
  try {
    const [a, b] = [adapter.info, manifest.target];
    if (a.chainId !== b.chainId || a.genesisHash !== b.genesisHash) {
      throw new ConfigError(
        `${redactUrl(target)} is chain ${a.chainId} (genesis ${a.genesisHash.slice(0, 10)}…), but export ${manifest.runId} loaded chain ${b.chainId} (genesis ${b.genesisHash.slice(0, 10)}…); pass the exported chain's URL`,
      );
    }
    if (!adapter.transactions)
      throw new ConfigError(`${redactUrl(target)} offers no receipts (tx.receipts) to read`);
    io.progress(`reading ${corpus.length} receipts from ${redactUrl(target)} …`);
    return await readCorpusCommits(adapter.transactions, corpus);
  } finally {
    await adapter.close().catch(() => {});
  }
}

function printImport(io: CliIo, report: Report, manifest: K6ExportManifest, memory: boolean): void {
  const ids = k6ScenarioOf(manifest).checks;
  io.out(`run ${report.reportId}: k6 summary imported${memory ? ' (memory store: nothing stored)' : ''}`);
  for (const check of ids) {
    const result = report.results.find((r) => r.checkId === check.id);
    if (!result) continue;
    const status = result.status === 'error' ? 'inconclusive' : result.status;
    const summary = result.summary.replace(/^inconclusive: /, '');
    io.out(`  ${check.catalogueId} ${check.id}: ${status} — ${sanitizeForTerminal(summary)}`);
  }
  // The clauses the two checks evidence; every other clause is not evaluated (nothing else ran).
  for (const clause of report.clauses.filter((c) => c.checkIds.some((id) => ids.some((i) => i.id === id)))) {
    io.out(`  clause ${clause.clauseId} (${clause.title.en}): ${clause.verdict}`);
  }
  io.out(
    `overall: ${report.overall.verdict}${memory ? '' : ` ("chaineval reports show ${report.reportId}")`}`,
  );
}
