import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { type CheckResult, CheckResultSchema } from '#core/checks/CheckResultSchema.ts';
import { type LoadShardResult, LoadShardResultSchema } from '#core/checks/LoadShardResultSchema.ts';
import { ReportSchema, type ReportSummary, ReportSummarySchema } from '#core/report/ReportSchema.ts';
import { summarizeReport } from '#core/report/summarizeReport.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { type RunMeta, RunMetaSchema } from '#core/run/RunMetaSchema.ts';
import type { ResultStore, StoredRun } from '#core/store/ResultStore.ts';
import { decodeJsonAttribute } from './decodeJsonAttribute.ts';
import { encodeJsonAttribute } from './encodeJsonAttribute.ts';
import { CorruptStoreItemError, StoreError } from './StoreError.ts';
import { itemTypes, keyOf, reportsIndexPartition, tableDesign } from './tableDesign.ts';

export { ensureTable } from './ensureTable.ts';

export interface DynamoReportStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
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
export function createDynamoReportStore({ client, tableName }: DynamoReportStoreOptions): ResultStore {
  const put = async (item: Item) => {
    await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
  };
  const keys = (runId: string, sk: string): Item => ({
    [tableDesign.partitionKey]: { S: keyOf.run(runId) },
    [tableDesign.sortKey]: { S: sk },
  });

  return {
    async putRun(meta) {
      const valid = parseForWrite(RunMetaSchema, meta, 'run meta');
      await put(
        encodeJsonAttribute(
          { ...keys(valid.runId, keyOf.meta), ...typeOf(itemTypes.run) },
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
        const page = await client.send(
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
          } else if (sk !== keyOf.report) {
            throw new CorruptStoreItemError(
              `${where} has a sort key chaineval does not write; delete the item`,
            );
          }
          // The report item is read by getReport; the run's inputs do not include it.
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
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: keys(id, keyOf.report), ConsistentRead: true }),
      );
      if (!Item) return null;
      const where = `item ${keyOf.run(id)}/${keyOf.report} of table "${tableName}"`;
      const report = decodeJsonAttribute(Item, ReportSchema, where);
      assertKey(report.reportId === id, where, `reportId "${report.reportId}"`);
      return report;
    },

    async listReports(limit) {
      if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
        throw new StoreError(`listReports limit must be an integer from 1 to ${maxListLimit}; got ${limit}`);
      }
      const index = tableDesign.byCreatedAtIndex;
      const summaries: ReportSummary[] = [];
      let startKey: Item | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: index.name,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': index.partitionKey },
            ExpressionAttributeValues: { ':pk': { S: reportsIndexPartition } },
            ScanIndexForward: false,
            Limit: limit - summaries.length,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const item of page.Items ?? []) summaries.push(parseSummary(item, tableName));
        startKey = page.LastEvaluatedKey;
      } while (startKey && summaries.length < limit);
      return summaries;
    },
  };
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
      : value?.S;
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
