import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { compareLimits, compareReports } from '#reports/render/compareReports.ts';
import { embedCjkFallbackFont } from '#reports/render/fonts/embedCjkFallbackFont.ts';
import { parseReportLang } from '#reports/render/ReportLangSchema.ts';
import { renderCompareHtml } from '#reports/render/renderCompareHtml.ts';
import { renderCompareTerminal } from '#reports/render/renderCompareTerminal.ts';
import { readStoredReport } from '#reports/store/readStoredReport.ts';
import { assertWritableFolder } from '../assertWritableFolder.ts';
import type { CliIo } from '../CliIo.ts';
import { openStore } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';

export const compareHelp = `Usage: chaineval compare <reportId> <reportId> [<reportId> ...] [--out file.html] [--lang zh|en|both]

Puts 2–8 stored reports side by side (the first is the baseline for deltas): prints a table of
score, coverage, clause verdicts, check statuses and load figures, and writes a self-contained HTML
page with the same tables and bar charts of p95 latency and committed throughput. Warnings at the
top say when the reports are not like for like: different profile versions, parameters, load
offered, chaineval versions or chains.

Flags:
  --out <file.html>           where to write the page (default reports/out/compare-<hash of the ids>.html)
  --lang <zh|en|both>         language of the page (default both)
  --dynamodb-endpoint <url>   DynamoDB endpoint (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  --no-color                  plain output
  -h, --help                  this help
`;

/** `chaineval compare`: reads reports as `reports show` does, then renders the comparison twice. */
export async function compareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals: ids } = parseFlags('compare', argv, {
    out: { type: 'string' },
    lang: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(compareHelp);
    return 0;
  }
  if (ids.length < compareLimits.min || ids.length > compareLimits.max) {
    throw new ConfigError(
      `compare needs ${compareLimits.min}–${compareLimits.max} report ids (got ${ids.length}); "chaineval reports list" shows them`,
    );
  }
  for (const id of ids) {
    if (!RunIdSchema.safeParse(id).success) {
      throw new ConfigError(
        `compare: "${id.slice(0, 40)}" is not a report id like 20261124T101500Z-1a2b3c4d; "chaineval reports list" shows them`,
      );
    }
  }
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined)
    throw new ConfigError(`compare: report ${twice} is given twice; pass each report once`);
  if (values.out !== undefined && !/\.html?$/i.test(values.out)) {
    throw new ConfigError(
      `--out "${values.out.slice(0, 80)}" must name an .html file, e.g. --out comparison.html`,
    );
  }
  const lang = parseReportLang(values.lang);
  const hash = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 12);
  const outFile = values.out ?? join('reports', 'out', `compare-${hash}.html`);
  await assertWritableFolder(
    dirname(outFile),
    '--out',
    'pass --out <file.html> in a folder you can write to',
  );
  const tableName = values.table ?? 'chaineval-reports';

  const opened = await openStore({
    dynamodbEndpoint: values['dynamodb-endpoint'],
    tableName,
    progress: io.progress,
  });
  const reports: Report[] = [];
  try {
    const { store } = opened;
    for (const id of ids) {
      // A run not finalized is compared as it stands, and the model warns that it covers part of a run.
      const report = await readStoredReport(store, id);
      if (!report) {
        throw new ConfigError(
          `no report "${id}" in table ${tableName}; "chaineval reports list" shows the stored ones`,
        );
      }
      reports.push(report);
    }
  } finally {
    await opened.close();
  }

  const model = compareReports(reports);
  await writeFile(outFile, await embedCjkFallbackFont(renderCompareHtml(model, { lang })));
  io.out(renderCompareTerminal(model, { color: io.color && !values['no-color'] }).trimEnd());
  io.out(`\nComparison page: ${outFile}`);
  return 0;
}
