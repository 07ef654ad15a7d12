import { scrubDeep } from '#core/security/scrubDeep.ts';

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
  /** Drops appended keys and the scrubber; called at the start of each invocation (warm containers are reused). */
  resetKeys(): void;
  /**
   * Masks secrets in every later line of this invocation (createSecretScrubber of the target URL): a
   * progress line or an error a library formatted may quote the URL with its token.
   */
  scrubWith(scrub: (text: string) => string): void;
}

export function createLogger(
  service: string,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  let keys: Record<string, unknown> = {};
  let scrub = (text: string) => text;
  const log = (level: 'INFO' | 'ERROR', message: string, extra: Readonly<Record<string, unknown>> = {}) => {
    const line = { level, timestamp: new Date().toISOString(), service, message, ...keys, ...extra };
    write(JSON.stringify(scrubDeep(line, scrub)));
  };
  return {
    info: (message, extra) => log('INFO', message, extra),
    error: (message, extra) => log('ERROR', message, extra),
    appendKeys: (more) => {
      keys = { ...keys, ...more };
    },
    resetKeys: () => {
      keys = {};
      scrub = (text) => text;
    },
    scrubWith: (next) => {
      scrub = next;
    },
  };
}

export const logger = createLogger('chaineval');
