import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { harnessVersion } from '#core/harnessVersion.ts';
import type { CliIo } from './CliIo.ts';
import { capacityCommand } from './commands/capacity.ts';
import { compareCommand } from './commands/compare.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { keysCommand } from './commands/keys.ts';
import { replayCommand } from './commands/replay.ts';
import { reportsCommand } from './commands/reports.ts';
import { selftestCommand } from './commands/selftest.ts';
import { serveCommand } from './commands/serve.ts';
import { verifyCommand } from './commands/verify.ts';
import { InterruptedError } from './InterruptedError.ts';

const help = `chaineval ${harnessVersion} — standards-compliance and evaluation harness for blockchain platforms

Usage:
  chaineval evaluate [flags]          evaluate a chain (embedded anvil by default) and store the report
  chaineval evaluate --remote <api-url> --target <url> --key-secret-id <name>
                                      run it in a deployed chaineval stack (SigV4) and follow it
  chaineval evaluate --load capacity  search the chain's capacity: "capacity N tx/s at p95 M s, stopped by …"
  chaineval capacity                  the load generator's own ceiling on this machine (against a null sink)
  chaineval reports list              list stored runs, finished or not, newest first
  chaineval reports show <runId>      show one run's report (as it stands, for an unfinished run)
  chaineval reports import <dir>      store a run's journal (reports/out/<runId>) in DynamoDB
  chaineval compare <id> <id> [...]   put 2–8 reports side by side: a table and an HTML page, with comparability warnings
  chaineval serve                     a read-only local web page over the report store (list, report, comparison)
  chaineval selftest                  prove the checks catch defects: every fault of the proxy × the checks
  chaineval replay <reportId> <checkId>  rerun a property check's recorded counterexample, print the failing step
  chaineval verify <report|envelope>  check a sealed report's digest and signature, and say which key signed
  chaineval keys generate             create a key for sealing reports (Ed25519, P-256 or SM2)
  chaineval export k6 --target <url> --private-key-file <file> --out <dir>
                                      write a k6 script and its funded corpus of the transfer (or read) load
  chaineval import k6-summary <file>  turn the exported script's k6 summary into a run's load verdicts

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
 * line on stderr), 2 run incomplete, 3 verdict worse than --fail-on, 130 interrupted before a run
 * existed, 70 harness bug (one line; CHAINEVAL_DEBUG=1 prints the stack).
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'evaluate') return await evaluateCommand(rest, io);
    if (command === 'reports') return await reportsCommand(rest, io);
    if (command === 'compare') return await compareCommand(rest, io);
    if (command === 'capacity') return await capacityCommand(rest, io);
    if (command === 'serve') return await serveCommand(rest, io);
    if (command === 'selftest') return await selftestCommand(rest, io);
    if (command === 'replay') return await replayCommand(rest, io);
    if (command === 'verify') return await verifyCommand(rest, io);
    if (command === 'keys') return await keysCommand(rest, io);
    if (command === 'export') return await exportCommand(rest, io);
    if (command === 'import') return await importCommand(rest, io);
    if (command === '--version' || command === '-v') {
      io.out(harnessVersion);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(help);
      return command === undefined ? 1 : 0;
    }
    io.error(`unknown command "${command.slice(0, 40)}"; run "chaineval --help" for the commands`);
    return 1;
  } catch (error) {
    if (error instanceof InterruptedError) {
      io.error(error.shortMessage);
      return 130;
    }
    if (error instanceof ChainevalError) {
      io.error(error.shortMessage);
      return 1;
    }
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    io.error(`internal error (please report, with CHAINEVAL_DEBUG=1 for the stack): ${message}`);
    if (process.env.CHAINEVAL_DEBUG && error instanceof Error && error.stack) io.error(error.stack);
    return 70;
  }
}
