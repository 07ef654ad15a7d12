import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandOutput,
  PutItemCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { type CheckResult, CheckResultSchema } from '#core/checks/CheckResultSchema.ts';
import { type LoadShardResult, LoadShardResultSchema } from '#core/checks/LoadShardResultSchema.ts';
import {
  ReportSchema,
  type ReportSummary,
  ReportSummarySchema,
  reportSchemaVersion,
} from '#core/report/ReportSchema.ts';
import { summarizeReport } from '#core/report/summarizeReport.ts';
import { listingOfRun } from '#core/run/listingOfRun.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { RunListingSchema } from '#core/run/RunListingSchema.ts';
import { type RunMeta, RunMetaSchema } from '#core/run/RunMetaSchema.ts';
import type { ResultStore, StoredRun } from '#core/store/ResultStore.ts';
import type { SealStore } from '#core/store/SealStore.ts';
import { createDynamoSealStore } from './createDynamoSealStore.ts';
import { decodeJsonAttribute } from './decodeJsonAttribute.ts';
import { encodeJsonAttribute } from './encodeJsonAttribute.ts';
import { CorruptStoreItemError, StoreError } from './StoreError.ts';
import { itemTypes, keyOf, reportsIndexPartition, runsIndexPartition, tableDesign } from './tableDesign.ts';
import { toStoreError } from './toStoreError.ts';

export { ensureTable } from './ensureTable.ts';

export interface DynamoReportStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How the endpoint is named in errors. @default 'DynamoDB' */
  readonly endpointLabel?: string;
  /** Deadline of each call, retries included. @default 15_000 */
  readonly requestDeadlineMs?: number;
}

type Item = Record<string, AttributeValue>;

/** Bounds listReports: a page of the CLI or API, not an export. */
const maxListLimit = 1_000;

/**
 * The ResultStore on one DynamoDB table (reports/store/tableDesign.ts, docs/adr/0002).
 * Writes are plain PutItem on deterministic keys, so a retried step overwrites its item instead of
 * adding one. Reads are strongly consistent (finalize reads what the steps just wrote) and every
 * item is validated with the zod schema of what it claims to be: the table is untrusted input.
 */
export function createDynamoReportStore({
  client,
  tableName,
  endpointLabel = 'DynamoDB',
  requestDeadlineMs = 15_000,
}: DynamoReportStoreOptions): ResultStore & SealStore {
  // Every call has a total deadline: a store that accepts connections and never answers must not
  // hang a run (issue "Runs that survive").
  const send = async <T>(command: PutItemCommand | QueryCommand | GetItemCommand): Promise<T> => {
    try {
      return (await client.send(command as never, {
        abortSignal: AbortSignal.timeout(requestDeadlineMs),
      })) as T;
    } catch (error) {
      throw toStoreError(error, `${endpointLabel} (table "${tableName}")`, requestDeadlineMs);
    }
  };
  const put = async (item: Item) => {
    await send(new PutItemCommand({ TableName: tableName, Item: item }));
  };
  const keys = (runId: string, sk: string): Item => ({
    [tableDesign.partitionKey]: { S: keyOf.run(runId) },
    [tableDesign.sortKey]: { S: sk },
  });

  return {
    // Sealed reports live on the same table (createDynamoSealStore.ts).
    ...createDynamoSealStore({ client, tableName, endpointLabel, requestDeadlineMs }),

    async putRun(meta) {
      const valid = parseForWrite(RunMetaSchema, meta, 'run meta');
      const index = tableDesign.byCreatedAtIndex;
      const listing = listingOfRun(valid);
      await put(
        encodeJsonAttribute(
          {
            ...keys(valid.runId, keyOf.meta),
            ...typeOf(itemTypes.run),
            // Runs are listed through the same sparse index as reports, in their own partition.
            [index.partitionKey]: { S: runsIndexPartition },
            [index.sortKey]: { S: keyOf.runsIndexSort(valid.startedAt, valid.runId) },
            reportId: { S: listing.runId },
            createdAt: { S: listing.startedAt },
            status: { S: listing.status },
            endpoint: { S: listing.endpoint },
            chainId: { S: listing.chainId },
            clientVersion: { S: listing.clientVersion },
            profile: { S: listing.profile },
          },
          valid,
          `run meta of ${valid.runId}`,
        ),
      );
    },

    async putResult(runId, result) {
      const id = parseForWrite(RunIdSchema, runId, 'run id');
      const valid = parseForWrite(CheckResultSchema, result, 'check result');
      await put(
        encodeJsonAttribute(
          { ...keys(id, keyOf.result(valid.checkId)), ...typeOf(itemTypes.result) },
          valid,
          `result "${valid.checkId}" of run ${id}`,
        ),
      );
    },

    async putLoadShard(runId, shard) {
      const id = parseForWrite(RunIdSchema, runId, 'run id');
      const valid = parseForWrite(LoadShardResultSchema, shard, 'load shard');
      await put(
        encodeJsonAttribute(
          { ...keys(id, keyOf.loadShard(valid.scenario, valid.shardIndex)), ...typeOf(itemTypes.loadShard) },
          valid,
          `load shard ${valid.scenario}#${valid.shardIndex} of run ${id}`,
        ),
      );
    },

    async getRun(runId) {
      const id = parseForWrite(RunIdSchema, runId, 'run id');
      let meta: RunMeta | undefined;
      const results: CheckResult[] = [];
      const loadShards: LoadShardResult[] = [];
      let startKey: Item | undefined;
      do {
        const page = await send<QueryCommandOutput>(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': tableDesign.partitionKey },
            ExpressionAttributeValues: { ':pk': { S: keyOf.run(id) } },
            ConsistentRead: true,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const item of page.Items ?? []) {
          const sk = item[tableDesign.sortKey]?.S ?? '';
          const where = `item ${keyOf.run(id)}/${sk} of table "${tableName}"`;
          if (sk === keyOf.meta) {
            meta = decodeJsonAttribute(item, RunMetaSchema, where);
            assertKey(meta.runId === id, where, `runId "${meta.runId}"`);
          } else if (sk.startsWith(keyOf.result(''))) {
            const result = decodeJsonAttribute(item, CheckResultSchema, where);
            assertKey(sk === keyOf.result(result.checkId), where, `checkId "${result.checkId}"`);
            results.push(result);
          } else if (sk.startsWith('LOADSHARD#')) {
            const shard = decodeJsonAttribute(item, LoadShardResultSchema, where);
            assertKey(
              sk === keyOf.loadShard(shard.scenario, shard.shardIndex),
              where,
              `shard ${shard.scenario}#${shard.shardIndex}`,
            );
            loadShards.push(shard);
          } else if (sk !== keyOf.report && sk !== keyOf.seal) {
            throw new CorruptStoreItemError(
              `${where} has a sort key chaineval does not write; delete the item`,
            );
          }
          // The report and seal items are read by getReport and getSeal; the run's inputs do not include them.
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      if (!meta) {
        if (results.length === 0 && loadShards.length === 0) return null;
        throw new CorruptStoreItemError(
          `run ${id} has results in table "${tableName}" but no META item; was putRun skipped?`,
        );
      }
      // Sort keys order shards as text ("#10" < "#2"); consumers expect index order.
      loadShards.sort((a, b) => a.scenario.localeCompare(b.scenario) || a.shardIndex - b.shardIndex);
      return { meta, results, loadShards } satisfies StoredRun;
    },

    async putReport(report) {
      const valid = parseForWrite(ReportSchema, report, 'report');
      const summary = summarizeReport(valid);
      const index = tableDesign.byCreatedAtIndex;
      await put(
        encodeJsonAttribute(
          {
            ...keys(valid.reportId, keyOf.report),
            ...typeOf(itemTypes.report),
            [index.partitionKey]: { S: reportsIndexPartition },
            [index.sortKey]: { S: keyOf.reportsIndexSort(valid.createdAt, valid.reportId) },
            ...summaryAttributes(summary),
          },
          valid,
          `report ${valid.reportId}`,
        ),
      );
    },

    async getReport(reportId) {
      const id = parseForWrite(RunIdSchema, reportId, 'report id');
      const { Item } = await send<GetItemCommandOutput>(
        new GetItemCommand({ TableName: tableName, Key: keys(id, keyOf.report), ConsistentRead: true }),
      );
      if (!Item) return null;
      const where = `item ${keyOf.run(id)}/${keyOf.report} of table "${tableName}"`;
      const { schemaVersion } = decodeJsonAttribute(
        Item,
        z.looseObject({ schemaVersion: z.string() }),
        where,
      );
      if (schemaVersion !== reportSchemaVersion) {
        throw new StoreError(
          `report ${id} was written with report schema ${schemaVersion}; this chaineval reads schema ${reportSchemaVersion} (CHANGELOG.md), so rerun the evaluation or use the chaineval version that wrote it`,
        );
      }
      const report = decodeJsonAttribute(Item, ReportSchema, where);
      assertKey(report.reportId === id, where, `reportId "${report.reportId}"`);
      return report;
    },

    async listReports(limit) {
      const items = await queryIndex(reportsIndexPartition, limit, 'listReports');
      return items.map((item) => parseSummary(item, tableName));
    },

    async listRuns(limit) {
      const items = await queryIndex(runsIndexPartition, limit, 'listRuns');
      return items.map((item) => {
        const raw = {
          runId: item.reportId?.S,
          startedAt: item.createdAt?.S,
          status: item.status?.S,
          endpoint: item.endpoint?.S,
          chainId: item.chainId?.S,
          clientVersion: item.clientVersion?.S,
          profile: item.profile?.S,
        };
        const parsed = RunListingSchema.safeParse(raw);
        if (!parsed.success) {
          throw new CorruptStoreItemError(
            `run item ${item[tableDesign.partitionKey]?.S ?? '?'} in index "${tableDesign.byCreatedAtIndex.name}" of table "${tableName}" has invalid listing attributes; delete or rewrite the item`,
            { details: z.prettifyError(parsed.error) },
          );
        }
        return parsed.data;
      });
    },
  };

  /** Newest-first items of one partition of the sparse index, up to `limit`. */
  async function queryIndex(partition: string, limit: number, what: string): Promise<Item[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
      throw new StoreError(`${what} limit must be an integer from 1 to ${maxListLimit}; got ${limit}`);
    }
    const index = tableDesign.byCreatedAtIndex;
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await send<QueryCommandOutput>(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.partitionKey },
          ExpressionAttributeValues: { ':pk': { S: partition } },
          ScanIndexForward: false,
          Limit: limit - items.length,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length < limit);
    return items;
  }
}

function typeOf(type: string): Item {
  return { [tableDesign.typeAttribute]: { S: type } };
}

/** Our own values are checked before writing too: nothing is stored that a read would reject. */
function parseForWrite<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new StoreError(`refusing to store an invalid ${what} (a harness bug)`, {
      details: z.prettifyError(result.error),
    });
  }
  return result.data;
}

function assertKey(matches: boolean, where: string, found: string): void {
  if (!matches)
    throw new CorruptStoreItemError(
      `${where} holds ${found}, which does not match its key; delete or rewrite the item`,
    );
}

const numericSummaryAttributes = new Set<string>(['score', 'coverage']);

function summaryAttributes(summary: ReportSummary): Item {
  const item: Item = {};
  for (const name of tableDesign.reportSummaryAttributes) {
    const value = summary[name];
    item[name] = numericSummaryAttributes.has(name) ? { N: String(value) } : { S: String(value) };
  }
  return item;
}

function parseSummary(item: Item, tableName: string): ReportSummary {
  const raw: Record<string, unknown> = {};
  for (const name of tableDesign.reportSummaryAttributes) {
    const value = item[name];
    raw[name] = numericSummaryAttributes.has(name)
      ? value?.N === undefined
        ? undefined
        : Number(value.N)
      : // Reports of schema 1 stored the chain id as a number.
        (value?.S ?? value?.N);
  }
  const result = ReportSummarySchema.safeParse(raw);
  if (!result.success) {
    const where = `report item ${item[tableDesign.partitionKey]?.S ?? '?'} in index "${tableDesign.byCreatedAtIndex.name}" of table "${tableName}"`;
    throw new CorruptStoreItemError(`${where} has invalid summary attributes; delete or rewrite the item`, {
      details: z.prettifyError(result.error),
    });
  }
  return result.data;
}
