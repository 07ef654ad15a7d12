import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { harnessVersion } from '#core/harnessVersion.ts';
import type { CliIo } from './CliIo.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { reportsCommand } from './commands/reports.ts';

const help = `chaineval ${harnessVersion} — standards-compliance and evaluation harness for blockchain platforms

Usage:
  chaineval evaluate [flags]          evaluate a chain (embedded anvil by default) and store the report
  chaineval reports list              list stored reports, newest first
  chaineval reports show <reportId>   show one stored report

Run "chaineval <command> --help" for the flags of a command.
`;

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  progress: (line) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${line}\n`),
  error: (line) => process.stderr.write(`chaineval: ${line}\n`),
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
};

/**
 * Dispatches a command and maps failures to exit codes: 0 done, 1 bad input or environment (one
 * line on stderr), 2 run incomplete, 3 verdict worse than --fail-on, 70 harness bug.
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'evaluate') return await evaluateCommand(rest, io);
    if (command === 'reports') return await reportsCommand(rest, io);
    if (command === '--version' || command === '-v') {
      io.out(harnessVersion);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(help);
      return command === undefined ? 1 : 0;
    }
    io.error(`unknown command "${command}"; run "chaineval --help" for the commands`);
    return 1;
  } catch (error) {
    if (error instanceof ChainevalError) {
      io.error(error.shortMessage);
      return 1;
    }
    io.error(
      `internal error (please report): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 70;
  }
}
