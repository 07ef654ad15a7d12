/**
 * The one DynamoDB table of the result store (single-table design, docs/adr/0002). infra/ imports
 * these names so the CDK table and the code that reads it cannot drift apart.
 *
 * | item        | pk            | sk                                   | gsi1pk / gsi1sk                      |
 * |-------------|---------------|--------------------------------------|--------------------------------------|
 * | run meta    | RUN#<runId>   | META                                 | RUNS / <startedAt>#<runId>           |
 * | result      | RUN#<runId>   | RESULT#<checkId>                     | –                                    |
 * | load shard  | RUN#<runId>   | LOADSHARD#<scenario>#<shardIndex>    | –                                    |
 * | report      | RUN#<runId>   | REPORT                               | REPORTS / <createdAt>#<reportId>     |
 * | seal        | RUN#<runId>   | SEAL                                 | –                                    |
 * | chain link  | TARGET#<fp>   | SEAL#<sealedAt>#<reportId>           | –                                    |
 * | chain head  | TARGET#<fp>   | HEAD                                 | –                                    |
 *
 * Seal, chain link and chain head are written in one transaction, each conditionally: a seal is
 * never overwritten and the head moves only from the digest the new seal links to.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Newest-first report listing; only report items carry its keys (a sparse index). */
  byCreatedAtIndex: { name: 'byCreatedAt', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** What the item is: one of `itemTypes`; lets an operator read the table in the console. */
  typeAttribute: 'type',
  /** The item's payload as JSON text (validated with zod on every read). */
  jsonAttribute: 'json',
  /** The payload gzipped, used instead of `json` when the text would exceed the item size limit. */
  jsonGzipAttribute: 'jsonGzip',
  /**
   * Copied onto report items and projected into `byCreatedAt`, so listing reports needs no second
   * read. Names equal the fields of ReportSummarySchema (core/report/ReportSchema.ts); `score` and
   * `coverage` are numbers (N), the rest strings (S).
   */
  reportSummaryAttributes: [
    'reportId',
    'createdAt',
    'status',
    'endpoint',
    'chainId',
    'clientVersion',
    'profile',
    'verdict',
    'score',
    'coverage',
  ] as const,
} as const;

export const itemTypes = {
  run: 'run',
  result: 'result',
  loadShard: 'load-shard',
  report: 'report',
  seal: 'seal',
  chainLink: 'chain-link',
  chainHead: 'chain-head',
} as const;

/** The gsi1pk of every report item: one partition, so one Query lists them all in order. */
export const reportsIndexPartition = 'REPORTS';
/** The gsi1pk of every run record, finished or not (`chaineval reports list` shows unfinished runs). */
export const runsIndexPartition = 'RUNS';

/** DynamoDB's hard limit on one item, attribute names included (400 KB = 409,600 bytes). */
export const maxItemBytes = 400 * 1024;

export const keyOf = {
  run: (runId: string) => `RUN#${runId}`,
  meta: 'META',
  result: (checkId: string) => `RESULT#${checkId}`,
  loadShard: (scenario: string, shardIndex: number) => `LOADSHARD#${scenario}#${shardIndex}`,
  report: 'REPORT',
  seal: 'SEAL',
  /** fingerprint is `sha256:<hex>`. */
  target: (fingerprint: string) => `TARGET#${fingerprint}`,
  chainLink: (sealedAt: string, reportId: string) => `SEAL#${new Date(sealedAt).toISOString()}#${reportId}`,
  chainHead: 'HEAD',
  /**
   * createdAt is re-serialised with `toISOString()` so every value has millisecond precision and
   * sorts as text: `…:00Z` and `…:00.500Z` would otherwise sort backwards ('.' < 'Z').
   */
  reportsIndexSort: (createdAt: string, reportId: string) =>
    `${new Date(createdAt).toISOString()}#${reportId}`,
  /** Same shape as reportsIndexSort, on the run's start time. */
  runsIndexSort: (startedAt: string, runId: string) => `${new Date(startedAt).toISOString()}#${runId}`,
} as const;
