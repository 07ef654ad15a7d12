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
  const help = `run "chaineval ${command} --help" for the flags`;
  try {
    return parseArgs({
      args: joinDashValues(argv, options, help),
      options,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${command}: ${message?.replace(/\. To specify a positional.*$/, '')}; ${help}`);
  }
}

/**
 * parseArgs refuses `--rate -5` as "argument is ambiguous" (bad-input corpus, "--rate -5"): a value
 * that starts with "-" is taken for a flag. A negative number after a string flag is its value, so
 * it is joined (`--rate=-5`) and refused by the flag's own check, which names the value and what is
 * allowed; a flag followed by another flag, or by nothing, is one line saying the value is missing.
 */
function joinDashValues(
  argv: readonly string[],
  options: Record<string, OptionSpec>,
  help: string,
): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name === undefined || options[name]?.type !== 'string') {
      args.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i += 1;
    } else if (next === undefined || next.startsWith('-')) {
      const after = next === undefined ? 'it is the last argument' : `"${next.slice(0, 40)}" follows it`;
      throw new ConfigError(
        `${arg} needs a value, but ${after}; write ${arg} <value> (or ${arg}=<value> for a value starting with "-"); ${help}`,
      );
    } else {
      args.push(arg);
    }
  }
  return args;
}
