import { ConfigError } from '#core/errors/ConfigError.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { renderTerminalSummary } from '#reports/render/renderTerminalSummary.ts';
import type { CliIo } from '../CliIo.ts';
import { openStore } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';

export const reportsHelp = `Usage: chaineval reports list [--limit N]
       chaineval reports show <reportId> [--json]

Reads stored reports from DynamoDB (default: the embedded DynamoDB Local under .chaineval/).

Flags:
  --limit <n>                 how many reports to list, newest first (default 20)
  --json                      show: print the report JSON instead of the summary
  --dynamodb-endpoint <url>   DynamoDB endpoint (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  --no-color                  plain output
  -h, --help                  this help
`;

/** `chaineval reports list|show`: thin reads over the report store. */
export async function reportsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('reports', argv, {
    limit: { type: 'string' },
    json: { type: 'boolean' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const [sub, id, ...rest] = positionals;
  if (values.help || sub === undefined) {
    io.out(reportsHelp);
    return values.help ? 0 : 1;
  }
  if (sub !== 'list' && sub !== 'show')
    throw new ConfigError(`reports: unknown subcommand "${sub}"; use "list" or "show <reportId>"`);
  if (rest.length > 0) throw new ConfigError(`reports ${sub}: unexpected argument "${rest[0]}"`);
  if (sub === 'show' && (id === undefined || !RunIdSchema.safeParse(id).success)) {
    throw new ConfigError(
      `reports show needs a report id like 20261124T101500Z-1a2b3c4d (got ${id === undefined ? 'none' : `"${id}"`}); "chaineval reports list" shows them`,
    );
  }
  if (sub === 'list' && id !== undefined)
    throw new ConfigError(`reports list takes no argument (got "${id}")`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000)
    throw new ConfigError(`--limit must be an integer 1–1000 (got "${values.limit}")`);

  const opened = await openStore({
    dynamodbEndpoint: values['dynamodb-endpoint'],
    tableName: values.table ?? 'chaineval-reports',
    progress: io.progress,
  });
  try {
    if (sub === 'list') {
      const rows = await opened.store.listReports(limit);
      if (rows.length === 0) {
        io.out('no reports stored yet; run "chaineval evaluate" first');
        return 0;
      }
      io.out(
        [
          'REPORT ID                   CREATED                   STATUS      VERDICT            SCORE  CHAIN  CLIENT',
        ].join('\n'),
      );
      for (const r of rows) {
        io.out(
          `${r.reportId.padEnd(27)} ${r.createdAt.padEnd(25)} ${r.status.padEnd(11)} ${r.verdict.padEnd(18)} ${r.score.toFixed(1).padStart(5)}  ${String(r.chainId).padEnd(6)} ${r.clientVersion} @ ${r.endpoint}`,
        );
      }
      return 0;
    }
    const report = await opened.store.getReport(id!);
    if (!report)
      throw new ConfigError(
        `no report "${id}" in table ${values.table ?? 'chaineval-reports'}; "chaineval reports list" shows the stored ones`,
      );
    io.out(
      values.json
        ? JSON.stringify(report, null, 2)
        : renderTerminalSummary(report, { color: io.color && !values['no-color'] }),
    );
    return 0;
  } finally {
    await opened.close();
  }
}
