/**
 * The one logger of every chaineval Lambda: one JSON object per line, which CloudWatch Logs
 * Insights queries by field. Shaped after Powertools' Logger (service, level, message, appended
 * keys); Powertools itself is not a dependency yet (lambdas/README.md).
 *
 * Never pass a target key or secret value: logs are read by more people than reports.
 */
export interface Logger {
  info(message: string, extra?: Readonly<Record<string, unknown>>): void;
  error(message: string, extra?: Readonly<Record<string, unknown>>): void;
  /** Keys added to every later line of this invocation (run id, step). */
  appendKeys(keys: Readonly<Record<string, unknown>>): void;
  /** Drops appended keys; called at the start of each invocation (warm containers are reused). */
  resetKeys(): void;
}

export function createLogger(
  service: string,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  let keys: Record<string, unknown> = {};
  const log = (level: 'INFO' | 'ERROR', message: string, extra: Readonly<Record<string, unknown>> = {}) => {
    write(
      JSON.stringify({ level, timestamp: new Date().toISOString(), service, message, ...keys, ...extra }),
    );
  };
  return {
    info: (message, extra) => log('INFO', message, extra),
    error: (message, extra) => log('ERROR', message, extra),
    appendKeys: (more) => {
      keys = { ...keys, ...more };
    },
    resetKeys: () => {
      keys = {};
    },
  };
}

export const logger = createLogger('chaineval');
