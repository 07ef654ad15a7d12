import { z } from 'zod';

/** A cell Caliper prints as "-" when it has no value (no successful transaction: no latency). */
const cell = z
  .string()
  .transform((s) => (s === '-' || s === '' ? null : Number(s)))
  .pipe(z.number().nonnegative().nullable());

/**
 * One row of Caliper 0.6's result table (caliper-core report-builder). Throughput is Caliper's
 * own: successful transactions over the time from the round's first submission to its last
 * completion; latencies run from submission to the receipt (transactionConfirmationBlocks: 1).
 * Caliper reports no percentiles, only min, average and max.
 */
const CaliperRoundSchema = z.object({
  name: z.string().min(1),
  succ: cell.pipe(z.number().int()),
  fail: cell.pipe(z.number().int()),
  sendRateTps: cell,
  maxLatencyS: cell,
  minLatencyS: cell,
  avgLatencyS: cell,
  throughputTps: cell,
});

export type CaliperRound = z.infer<typeof CaliperRoundSchema>;

const columns: Record<string, keyof CaliperRound> = {
  Name: 'name',
  Succ: 'succ',
  Fail: 'fail',
  'Send Rate (TPS)': 'sendRateTps',
  'Max Latency (s)': 'maxLatencyS',
  'Min Latency (s)': 'minLatencyS',
  'Avg Latency (s)': 'avgLatencyS',
  'Throughput (TPS)': 'throughputTps',
};

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const cells = (line: string): string[] =>
  line
    .trim()
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());

/**
 * The rounds of Caliper 0.6's result tables in its manager's output (ANSI colours and log prefixes
 * allowed). The final "### All test results ###" table wins; without it (a run killed after some
 * rounds) each round's own table is used, the last one per round name. A table whose header lacks
 * a column this reads, or a cell that is not a number, throws: a Caliper whose output changed must
 * not yield figures read from the wrong column.
 */
export function parseCaliperResults(output: string): CaliperRound[] {
  const lines = output.replace(ansi, '').split('\n');
  const allAt = lines.findLastIndex((l) => l.includes('### All test results ###'));
  const rounds = new Map<string, CaliperRound>();
  let header: string[] | undefined;
  for (const line of lines.slice(Math.max(0, allAt))) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) {
      header = undefined;
      continue;
    }
    const row = cells(trimmed);
    if (row.every((c) => /^-+$/.test(c))) continue;
    if (row.includes('Throughput (TPS)')) {
      const missing = Object.keys(columns).filter((c) => !row.includes(c));
      if (missing.length > 0)
        throw new Error(`Caliper's result table has no column ${missing.join(', ')}: ${trimmed}`);
      header = row;
      continue;
    }
    if (header === undefined) continue;
    const fields = Object.fromEntries(
      Object.entries(columns).map(([column, key]) => [key, row[header!.indexOf(column)] ?? '']),
    );
    const parsed = CaliperRoundSchema.safeParse(fields);
    if (!parsed.success)
      throw new Error(
        `Caliper's result row is not one this bench can read: ${trimmed} (${parsed.error.issues[0]?.message})`,
      );
    rounds.set(parsed.data.name, parsed.data);
  }
  return [...rounds.values()];
}
