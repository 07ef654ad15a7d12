import { sanitizeForTerminal } from '#reports/render/sanitizeForTerminal.ts';
import type { CliIo } from './CliIo.ts';

/**
 * The CLI's output with every line passed through the secret scrubber (credentials of the target URL
 * never reach the terminal) and progress and error lines neutralised for the terminal (a target's
 * client version cannot carry escape sequences into them). The report summary sanitises its own
 * target strings and keeps its colours.
 */
export function guardIo(io: CliIo, scrub: (text: string) => string): CliIo {
  return {
    color: io.color,
    out: (text) => io.out(scrub(text)),
    progress: (line) => io.progress(sanitizeForTerminal(scrub(line))),
    error: (line) => io.error(sanitizeForTerminal(scrub(line))),
  };
}
