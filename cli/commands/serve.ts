import { ConfigError } from '#core/errors/ConfigError.ts';
import { parseReportLang } from '#reports/render/ReportLangSchema.ts';
import { isLoopbackHost, startReportServer } from '#reports/serve/startReportServer.ts';
import type { CliIo } from '../CliIo.ts';
import { openStore, validateStoreOptions } from '../openStore.ts';
import { parseFlags } from '../parseFlags.ts';
import { watchInterrupts } from '../watchInterrupts.ts';

export const serveHelp = `Usage: chaineval serve [--port N] [--host 127.0.0.1] [--lang zh|en|both]

A read-only local web page over the report store: / lists the reports (filter by target and
verdict, tick 2–8 and press "compare"), /reports/<id> shows one report (the same page evaluate
writes), /reports/<id>.json its JSON, /compare?ids=<id>,<id> the comparison. Only GET and HEAD.
Ctrl-C (or SIGTERM) stops the server and the embedded DynamoDB Local it started.

Flags:
  --port <n>                  port to listen on (default 8484; 0 picks a free one)
  --host <address>            address to bind (default 127.0.0.1: only this machine can connect)
  --allow-remote              needed with a --host other machines can reach: the pages are not
                              authenticated, and anyone who can connect reads every report
  --lang <zh|en|both>         language of the pages (default both)
  --dynamodb-endpoint <url>   DynamoDB endpoint (default: embedded DynamoDB Local)
  --table <name>              DynamoDB table (default chaineval-reports)
  -h, --help                  this help
`;

/** `chaineval serve`: flags → the store → startReportServer, until an interrupt. */
export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-remote': { type: 'boolean' },
    lang: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    table: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(serveHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new ConfigError(`serve takes no argument (got "${positionals[0]?.slice(0, 40)}"); see --help`);
  const port = values.port === undefined ? 8484 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`--port must be an integer 0–65535 (got "${values.port?.slice(0, 20)}")`);
  }
  const host = values.host ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) {
    throw new ConfigError(
      `--host "${host.slice(0, 80)}" is not an address or host name, e.g. --host 127.0.0.1`,
    );
  }
  if (!isLoopbackHost(host) && !values['allow-remote']) {
    throw new ConfigError(
      `--host ${host} lets other machines read every report without a password; add --allow-remote if that is intended, or omit --host`,
    );
  }
  const lang = parseReportLang(values.lang);
  const tableName = values.table ?? 'chaineval-reports';
  validateStoreOptions({ dynamodbEndpoint: values['dynamodb-endpoint'], tableName });

  let stopped: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  let killNow: () => void = () => {};
  const interrupts = watchInterrupts({
    onFirst: (reason) => {
      io.progress(`${reason}: stopping the server (again to stop at once)`);
      stopped?.();
    },
    onSecond: (signal) => {
      killNow();
      io.error(`${signal} again: stopped at once`);
      process.exit(130);
    },
  });
  try {
    const opened = await openStore({
      dynamodbEndpoint: values['dynamodb-endpoint'],
      tableName,
      progress: io.progress,
      signal: interrupts.signal,
    });
    if (opened.pid !== undefined) {
      const pid = opened.pid;
      killNow = () => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
    }
    try {
      if (interrupts.signal.aborted) return 0;
      const server = await startReportServer({ store: opened.store, host, port, lang });
      if (!isLoopbackHost(host))
        io.error(`warning: serving on ${host}: anyone who can reach this address reads every report`);
      io.out(`serving the reports of table ${tableName} at ${server.url} (read-only; Ctrl-C stops)`);
      await finished;
      await server.close();
      return 0;
    } finally {
      await opened.close();
    }
  } finally {
    interrupts.dispose();
  }
}
