import { availableParallelism, loadavg } from 'node:os';
import { ConfigError } from '#core/errors/ConfigError.ts';
import {
  type GeneratorCapacity,
  generatorCapacityRates,
  measureGeneratorCapacity,
} from '#load/measureGeneratorCapacity.ts';
import type { CliIo } from '../CliIo.ts';
import { InterruptedError } from '../InterruptedError.ts';
import { parseFlags } from '../parseFlags.ts';
import { watchInterrupts } from '../watchInterrupts.ts';

/** Sender threads by default: one per core, at most 4 (the cores are shared with the sink). */
const defaultWorkers = Math.min(4, availableParallelism());

export const capacityHelp = `Usage: chaineval capacity [--rate-max N] [--duration S] [--workers K] [--json]

Measures chaineval's load generator alone, so you know the highest rate it can vouch for on this
machine before you trust a load figure. A null sink (a JSON-RPC endpoint on 127.0.0.1, in a child
process, that acknowledges every transaction at once) takes the load; the real generator path
(pre-signed corpus, open-model sender, chaineval's EVM transport) offers it at rising constant rates
(${generatorCapacityRates.map((r) => r.toLocaleString('en-US')).join(', ')} tx/s, up to --rate-max),
each for --duration seconds after a one-second warm-up, and stops at the first rate the generator's
self-check fails (more than 1% of sends over 50 ms late, or p99 send lag over 100 ms: the rule that
takes the verdict from a load run). Other work on the machine lowers the figure: the load average is
printed with it.

Flags:
  --rate-max <tx/s>   highest rate offered (default ${generatorCapacityRates.at(-1)}; 1–100000)
  --duration <s>      seconds each rate is held (default 3; 1–30)
  --workers <K>       sender worker threads (default ${defaultWorkers}; 0 sends from the main thread; 0–16)
  --json              print the measurement as JSON instead of a table
  -h, --help          this help
`;

/** `chaineval capacity`: see capacityHelp. */
export async function capacityCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('capacity', argv, {
    'rate-max': { type: 'string' },
    duration: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(capacityHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new ConfigError(
      `capacity takes no arguments, got "${positionals[0]?.slice(0, 40)}"; run "chaineval capacity --help"`,
    );
  const rateMax = integerFlag('--rate-max', values['rate-max'], generatorCapacityRates.at(-1)!, 1, 100_000);
  const durationS = integerFlag('--duration', values.duration, 3, 1, 30);
  const workers = integerFlag('--workers', values.workers, defaultWorkers, 0, 16);
  const rates = [...generatorCapacityRates.filter((r) => r < rateMax), rateMax];

  const interrupts = watchInterrupts({
    onFirst: (reason) => io.error(`${reason}: stopping after the rate in flight (again to stop at once)`),
    onSecond: (signal) => {
      io.error(`${signal} again: stopped at once`);
      process.exit(130);
    },
  });
  try {
    const result = await measureGeneratorCapacity({
      rates,
      durationS,
      workers,
      signal: interrupts.signal,
      progress: io.progress,
    });
    if (interrupts.signal.aborted)
      throw new InterruptedError(`${String(interrupts.signal.reason)}: capacity stopped`);
    const machine = {
      cores: availableParallelism(),
      loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
      node: process.version,
    };
    io.out(values.json ? JSON.stringify({ ...result, machine }, null, 2) : renderCapacity(result, machine));
    return 0;
  } finally {
    interrupts.dispose();
  }
}

function integerFlag(flag: string, value: string | undefined, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(
      `${flag} must be a whole number from ${min} to ${max} (got "${value.slice(0, 40)}"); run "chaineval capacity --help"`,
    );
  return n;
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The table and the closing line the operator quotes. */
function renderCapacity(
  result: GeneratorCapacity,
  machine: { readonly cores: number; readonly loadAverage1m: number; readonly node: string },
): string {
  const lines = [
    `null sink: ${result.sink} on 127.0.0.1; sends from ${result.sentFrom === 'worker threads' ? `${result.workers} worker thread(s)` : 'the main thread'}; ${fmt(result.corpus.transactions)} transactions pre-signed in ${fmt(result.corpus.signingS, 1)} s (untimed)`,
    '',
    '| offered tx/s | accepted tx/s | p99 send lag | late sends (> 50 ms) | CPU s / 1,000 tx | sink CPU s / 1,000 tx | self-check |',
    '|---|---|---|---|---|---|---|',
    ...result.rates.map(
      (r) =>
        `| ${fmt(r.offeredTps)} | ${fmt(r.acceptedTps)} | ${fmt(r.p99SendLagMs, 1)} ms | ${fmt(r.lateSends)} of ${fmt(r.sent)} | ${fmt(r.cpuSPer1000Tx, 3)} | ${fmt(r.sinkCpuSPer1000Tx, 3)} | ${r.held ? 'held' : 'failed'} |`,
    ),
    '',
    `machine: ${machine.cores} cores, load average ${fmt(machine.loadAverage1m, 2)} (1 min), Node ${machine.node}`,
  ];
  if (result.stoppedBy) lines.push(`stopped at ${result.stoppedBy}`);
  lines.push(
    result.capacityTps === null
      ? `generator capacity on this machine: below ${fmt(result.rates[0]?.offeredTps ?? 0)} tx/s offered to the null sink (the self-check failed at the first rate)`
      : `generator capacity on this machine: ${fmt(result.capacityTps)} tx/s offered to the null sink`,
  );
  return lines.join('\n');
}
