import { z } from 'zod';
import { TargetInfoSchema } from '#core/adapter/TargetInfo.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';

/** Version tag of an export: the script, its corpus and this manifest change together. */
export const k6ExportFormat = 'chaineval-k6-export/1';

/**
 * What `chaineval export k6` wrote and for which run: read by the script (thresholds, target) and,
 * embedded in the summary the script writes, by `chaineval import k6-summary`, which needs to know
 * the schedule (to count what was never sent), the thresholds (the profile's parameters the judge
 * uses) and the target (the run's fingerprint) without trusting anything k6 measured for them.
 */
const ManifestBaseSchema = z.object({
  format: z.literal(k6ExportFormat),
  /** Reserved at export time: the senders are derived from it, and the import stores the run under it. */
  runId: RunIdSchema,
  createdAt: z.iso.datetime(),
  harnessVersion: z.string(),
  profile: z.object({ id: z.string(), version: z.string(), digest: z.string() }),
  /** Effective parameter values (profile defaults + overrides), as a run plan holds them. */
  parameters: z.record(z.string(), z.unknown()),
  overridden: z.array(z.string()),
  shape: z.object({
    executor: z.literal('constant-arrival-rate'),
    rateTps: z.number().positive(),
    durationS: z.number().positive(),
  }),
  shardCount: z.number().int().positive(),
  /** Corpus length: the requests the schedule holds, each sent once. */
  transactions: z.number().int().positive(),
  target: TargetInfoSchema,
  corpus: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});

/** The transfer scenario (PERF-01/02): pre-signed transactions from funded senders. */
const TransferManifestSchema = ManifestBaseSchema.extend({
  scenario: z.literal('transfer'),
  senders: z.array(
    z.object({
      address: z.string(),
      shardIndex: z.number().int().nonnegative(),
      firstNonce: z.number().int().nonnegative(),
      transactions: z.number().int().positive(),
    }),
  ),
  /** The judge's pass criteria, as the script's k6 thresholds state them. */
  thresholds: z.object({
    loadLatencyP95MaxMs: z.number().positive(),
    loadSuccessRateMin: z.number().min(0).max(1),
    loadMinTransactions: z.number().int().nonnegative(),
  }),
});

/** The read workload (PERF-03): eth_getBalance of never-spent identities and eth_call of the identity precompile. */
const QueryManifestSchema = ManifestBaseSchema.extend({
  scenario: z.literal('query'),
  /** Identities (one per shard) whose balance is read: funded by the export, never spent from. */
  subjects: z.array(
    z.object({ address: z.string(), shardIndex: z.number().int().nonnegative(), balance: z.string() }),
  ),
  thresholds: z.object({
    queryLatencyP95MaxMs: z.number().positive(),
    loadSuccessRateMin: z.number().min(0).max(1),
    loadMinTransactions: z.number().int().nonnegative(),
  }),
});

/**
 * What `chaineval export k6` wrote and for which run: read by the script (thresholds, target) and,
 * embedded in the summary the script writes, by `chaineval import k6-summary`, which needs to know
 * the schedule (to count what was never sent), the thresholds (the profile's parameters the judge
 * uses) and the target (the run's fingerprint) without trusting anything k6 measured for them.
 */
export const K6ExportManifestSchema = z.discriminatedUnion('scenario', [
  TransferManifestSchema,
  QueryManifestSchema,
]);
export type K6ExportManifest = z.infer<typeof K6ExportManifestSchema>;

export type K6TransferManifest = z.infer<typeof TransferManifestSchema>;
export type K6QueryManifest = z.infer<typeof QueryManifestSchema>;

/** The latency bound of an export's judge, with the parameter that sets it. */
export function k6LatencyBound(manifest: K6ExportManifest): {
  readonly parameter: string;
  readonly ms: number;
} {
  return manifest.scenario === 'transfer'
    ? { parameter: 'loadLatencyP95MaxMs', ms: manifest.thresholds.loadLatencyP95MaxMs }
    : { parameter: 'queryLatencyP95MaxMs', ms: manifest.thresholds.queryLatencyP95MaxMs };
}

/** One pre-signed transaction of the corpus, in send order (`i` is its index in the schedule). */
export const K6CorpusItemSchema = z.object({
  i: z.number().int().nonnegative(),
  /** Intended send time after the scenario's start, ms (scenarios/constantArrivalRate.ts). */
  t: z.number().nonnegative(),
  raw: z.string().regex(/^0x[0-9a-f]*$/i),
  hash: z.string().regex(/^0x[0-9a-f]{64}$/),
  from: z.string(),
  nonce: z.number().int().nonnegative(),
});
export type K6CorpusItem = z.infer<typeof K6CorpusItemSchema>;

/**
 * One read of the query corpus: the JSON-RPC call and the answer it must get. `quantity` answers are
 * compared as numbers (a node may pad them), `data` answers byte for byte.
 */
export const K6QueryItemSchema = z.object({
  i: z.number().int().nonnegative(),
  t: z.number().nonnegative(),
  method: z.enum(['eth_getBalance', 'eth_call']),
  params: z.array(z.unknown()),
  expect: z.string().regex(/^0x[0-9a-f]*$/),
  kind: z.enum(['quantity', 'data']),
});
export type K6QueryItem = z.infer<typeof K6QueryItemSchema>;
