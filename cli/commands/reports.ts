import { join } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { ReportSummary } from '#core/report/ReportSchema.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { registry } from '#registry/index.ts';
import { readJournal } from '#reports/journal/readJournal.ts';
import { parseReportFormats } from '#reports/ReportFormatSchema.ts';
import { parseReportLang } from '#reports/render/ReportLangSchema.ts';
import { renderTerminalSummary } from '#reports/render/renderTerminalSummary.ts';
import { sanitizeForTerminal } from '#reports/render/sanitizeForTerminal.ts';
import { renderReport } from '#reports/renderReport.ts';
import { readStoredReport } from '#reports/store/readStoredReport.ts';
import type { CliIo } from '../CliIo.ts';
import { openStore } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { reapAbandonedRuns } from '../reapAbandonedRuns.ts';

export const reportsHelp = `Usage: chaineval reports list [--limit N]
       chaineval reports show <runId> [--json | --format json|html|junit|sarif|markdown] [--lang zh|en|both]
       chaineval reports import <dir>

Reads runs and reports from DynamoDB (default: the embedded DynamoDB Local under .chaineval/).
list shows every run, finished or not (a run whose process is gone is marked incomplete first);
show prints a run's report, or, for a run that has not finished, its results as they stand;
import stores a run's journal (<dir>/journal.jsonl, written by evaluate) when the store was down.

Flags:
  --limit <n>                 how many runs to list, newest first (default 20)
  --json                      show: print the report JSON instead of the summary
  --format <format>           show: print the report as json, html, junit, sarif or markdown
  --lang <zh|en|both>         show --format html: language of the page (default both)
  --dynamodb-endpoint <url>   DynamoDB endpoint (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  --no-color                  plain output
  -h, --help                  this help
`;

/** `chaineval reports list|show|import`: reads over the report store, and the journal replay. */
export async function reportsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('reports', argv, {
    limit: { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string', multiple: true },
    lang: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const [sub, arg, ...rest] = positionals;
  if (values.help || sub === undefined) {
    io.out(reportsHelp);
    return values.help ? 0 : 1;
  }
  if (sub !== 'list' && sub !== 'show' && sub !== 'import') {
    throw new ConfigError(
      `reports: unknown subcommand "${sub.slice(0, 40)}"; use "list", "show <runId>" or "import <dir>"`,
    );
  }
  if (rest.length > 0)
    throw new ConfigError(`reports ${sub}: unexpected argument "${rest[0]?.slice(0, 40)}"`);
  if (sub === 'show' && (arg === undefined || !RunIdSchema.safeParse(arg).success)) {
    throw new ConfigError(
      `reports show needs a run id like 20261124T101500Z-1a2b3c4d (got ${arg === undefined ? 'none' : `"${arg.slice(0, 40)}"`}); "chaineval reports list" shows them`,
    );
  }
  if (sub === 'import' && arg === undefined) {
    throw new ConfigError(
      'reports import needs the folder of a run, e.g. reports/out/20261124T101500Z-1a2b3c4d',
    );
  }
  if (sub === 'list' && arg !== undefined)
    throw new ConfigError(`reports list takes no argument (got "${arg.slice(0, 40)}")`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000) {
    throw new ConfigError(`--limit must be an integer 1–1000 (got "${values.limit}")`);
  }
  const formats = parseReportFormats(values.format ?? []);
  if (formats.length > 1 || (formats.length === 1 && values.json)) {
    throw new ConfigError(
      `reports show prints one format (got ${[...formats, ...(values.json ? ['--json'] : [])].join(', ')}); run it once per format, or use evaluate --format to write files`,
    );
  }
  if (formats.length > 0 && sub !== 'show')
    throw new ConfigError(`--format applies to reports show, not reports ${sub}`);
  const lang = parseReportLang(values.lang);
  if (values.lang !== undefined && formats[0] !== 'html')
    throw new ConfigError('--lang applies to the HTML page; use it with reports show <runId> --format html');
  const tableName = values.table ?? 'chaineval-reports';
  // The journal is read before the store starts: a bad folder is one line, and nothing starts for it.
  const journalPath = join(arg ?? '', 'journal.jsonl');
  const journal = sub === 'import' ? readJournal(journalPath) : undefined;
  // A journal with no whole entry (only a torn line) is no run to import, not "imported 0 entries"
  // with exit 0 (bad-input corpus, "import of a journal without entries").
  if (journal?.length === 0) {
    throw new ConfigError(
      `journal ${journalPath} holds no complete entry; pass the folder of a run that "chaineval evaluate" wrote`,
    );
  }

  const opened = await openStore({
    dynamodbEndpoint: values['dynamodb-endpoint'],
    tableName,
    progress: io.progress,
  });
  try {
    const { store } = opened;
    if (journal !== undefined) {
      // Replays every write in order; writes are idempotent (keyed by run id and item id).
      let runId = '';
      for (const entry of journal) {
        if (entry.type === 'run') {
          runId = entry.value.runId;
          await store.putRun(entry.value);
        } else if (entry.type === 'result') await store.putResult(entry.runId, entry.value);
        else if (entry.type === 'shard') await store.putLoadShard(entry.runId, entry.value);
        else await store.putReport(entry.value);
      }
      io.out(
        `imported ${journal.length} journal entries of run ${runId || '(none)'} into table ${tableName}`,
      );
      return 0;
    }
    if (sub === 'list') {
      await reapAbandonedRuns(store, registry, io.progress);
      const runs = await store.listRuns(limit);
      if (runs.length === 0) {
        io.out('no runs stored yet; run "chaineval evaluate" first');
        return 0;
      }
      const reports = new Map<string, ReportSummary>(
        (await store.listReports(1_000)).map((r) => [r.reportId, r]),
      );
      const safe = sanitizeForTerminal;
      io.out(
        'RUN ID                      STARTED                   STATUS      VERDICT            SCORE  COVER  CHAIN  CLIENT',
      );
      for (const run of runs) {
        const r = reports.get(run.runId);
        const score = r ? r.score.toFixed(1).padStart(5) : '    –';
        const cover = r?.coverage === undefined ? '    –' : `${Math.round(r.coverage * 100)}%`.padStart(5);
        io.out(
          `${run.runId.padEnd(27)} ${run.startedAt.padEnd(25)} ${run.status.padEnd(11)} ${(r?.verdict ?? '–').padEnd(18)} ${score}  ${cover}  ${safe(run.chainId).padEnd(6)} ${safe(run.clientVersion)} @ ${safe(run.endpoint)}`,
        );
      }
      return 0;
    }
    const runId = arg ?? '';
    // Not finalized (still running, or left running): what it stored, as it stands.
    const report = await readStoredReport(store, runId);
    if (!report) {
      throw new ConfigError(
        `no run "${runId}" in table ${tableName}; "chaineval reports list" shows the stored ones`,
      );
    }
    const [format] = formats;
    io.out(
      format !== undefined
        ? (await renderReport(report, format, lang)).trimEnd()
        : values.json
          ? JSON.stringify(report, null, 2)
          : renderTerminalSummary(report, { color: io.color && !values['no-color'] }),
    );
    return 0;
  } finally {
    await opened.close();
  }
}
