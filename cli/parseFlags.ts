import { parseArgs } from 'node:util';
import { ConfigError } from '#core/errors/ConfigError.ts';

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

/**
 * node:util parseArgs in strict mode, with its errors turned into one line that names the command
 * and points at its help.
 */
export function parseFlags<T extends Record<string, OptionSpec>>(
  command: string,
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(
      `${command}: ${message?.replace(/\. To specify a positional.*$/, '')}; run "chaineval ${command} --help" for the flags`,
    );
  }
}
