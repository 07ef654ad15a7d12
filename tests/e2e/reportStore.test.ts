import { randomBytes } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLocalDynamoClient } from '#cli/embedded/createLocalDynamoClient.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { planRun } from '#core/run/planRun.ts';
import type { RunMeta } from '#core/run/RunMetaSchema.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { registry } from '#registry/index.ts';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { createDynamoReportStore } from '#reports/store/createDynamoReportStore.ts';
import { ensureTable } from '#reports/store/ensureTable.ts';
import { CorruptStoreItemError, StoreItemTooLargeError } from '#reports/store/StoreError.ts';
import { keyOf, tableDesign } from '#reports/store/tableDesign.ts';

const client = createLocalDynamoClient(inject('dynamoEndpoint'));
const tableName = `report-store-${randomBytes(4).toString('hex')}`;
let store: ResultStore;

const runId = '20261124T101500Z-00000001';
/** A run record as prepareRun stores it: the whole plan, so every step (and finalize) reads it from here. */
function metaOf(id: string): RunMeta {
  const request = RunRequestSchema.parse({ runId: id, parameters: { loadRateTps: 50 }, loadShards: 12 });
  return {
    runId: id,
    status: 'running',
    startedAt: '2026-11-24T10:15:00.000Z',
    harnessVersion: '0.2.0',
    target: sampleReport().target,
    plan: planRun(request, registry, { maxConcurrentShards: 16 }),
  };
}
const meta = metaOf(runId);

function result(checkId: string, status: CheckResult['status'], summary: string): CheckResult {
  return {
    checkId,
    kind: 'conformance',
    status,
    summary,
    startedAt: '2026-11-24T10:15:01.000Z',
    durationMs: 5,
  };
}

function shard(shardIndex: number): LoadShardResult {
  return {
    scenario: 'transfer-constant-rate',
    shardIndex,
    shardCount: 12,
    rateTps: 5,
    durationS: 10,
    sent: 50,
    accepted: 50,
    rejected: 0,
    committed: 49,
    lost: 1,
    firstSendAtMs: 1_700_000_000_000,
    lastInclusionAtMs: 1_700_000_011_000,
    lastSendAtMs: 1_700_000_010_000,
    latencyHistogram: 'HISTFAAAAB94nJNpmSzMwMDAyQABzFCaEUwyAQA',
    sendLagHistogram: 'HISTFAAAAB94nJNpmSzMwMDAyQABzFCaEUwyAQA',
    rejections: [],
  };
}

async function putRaw(item: Record<string, { S: string } | { N: string }>): Promise<void> {
  await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
}

beforeAll(async () => {
  await ensureTable({ client, tableName });
  store = createDynamoReportStore({ client, tableName });
});

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  client.destroy();
});

describe('ensureTable', () => {
  it('is idempotent and leaves a table with the byCreatedAt index', async () => {
    await ensureTable({ client, tableName });
    await ensureTable({ client, tableName });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual([
      tableDesign.byCreatedAtIndex.name,
    ]);
  });

  it('refuses an existing table with other keys instead of writing into it', async () => {
    const foreign = `${tableName}-foreign`;
    await client.send(
      new CreateTableCommand({
        TableName: foreign,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    try {
      await expect(ensureTable({ client, tableName: foreign })).rejects.toThrow(
        /exists but is not a chaineval result table/,
      );
    } finally {
      await client.send(new DeleteTableCommand({ TableName: foreign }));
    }
  });
});

describe('runs', () => {
  it('returns null for a run that was never stored', async () => {
    expect(await store.getRun('20261124T101500Z-0000ffff')).toBeNull();
  });

  it('returns meta, results and shards (in index order) as stored', async () => {
    await store.putRun(meta);
    await store.putResult(runId, result('ledger-parent-hash-links', 'pass', 'links ok'));
    await store.putResult(runId, result('tx-raw-replay-rejected', 'fail', 'replay accepted'));
    // 12 shards: sort keys order "#10" before "#2"; getRun must give index order.
    for (let i = 11; i >= 0; i -= 1) await store.putLoadShard(runId, shard(i));

    const stored = await store.getRun(runId);
    expect(stored?.meta).toEqual(meta);
    expect(stored?.meta.plan.steps.map((step) => step.id)).toEqual([
      'conformance',
      'property',
      'load',
      'disruptive',
    ]);
    // 12 shards of each load scenario the profile plans, each with its own sender account.
    expect(
      stored?.meta.plan.accounts.filter((a) => a.role.startsWith('load/transfer-constant-rate/')),
    ).toHaveLength(12);
    expect(stored?.results.map((r) => [r.checkId, r.status])).toEqual([
      ['ledger-parent-hash-links', 'pass'],
      ['tx-raw-replay-rejected', 'fail'],
    ]);
    expect(stored?.loadShards.map((s) => s.shardIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses to store a run record of the old shape, without its plan', async () => {
    const { plan, ...rest } = metaOf('20261124T101500Z-00000006');
    const old = {
      ...rest,
      profile: plan.profile,
      parameters: plan.parameters,
      plannedSteps: ['conformance'],
    };
    await expect(store.putRun(old as unknown as RunMeta)).rejects.toThrow(
      /refusing to store an invalid run meta/,
    );
    expect(await store.getRun(old.runId)).toBeNull();
  });

  it('overwrites a retried result instead of adding a second item', async () => {
    const retryRun = '20261124T101500Z-00000002';
    await store.putRun(metaOf(retryRun));
    await store.putResult(retryRun, result('api-jsonrpc-error-codes', 'error', 'timeout'));
    await store.putResult(retryRun, result('api-jsonrpc-error-codes', 'pass', 'codes ok'));

    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :result)',
        ExpressionAttributeValues: { ':pk': { S: keyOf.run(retryRun) }, ':result': { S: 'RESULT#' } },
      }),
    );
    expect(Items).toHaveLength(1);
    expect((await store.getRun(retryRun))?.results.map((r) => r.status)).toEqual(['pass']);
  });

  it('paginates a partition larger than one 1 MB query page', async () => {
    const bigRun = '20261124T101500Z-00000003';
    await store.putRun(metaOf(bigRun));
    // 8 results of ~300 KB each (just under the item limit, stored as text) ≈ 2.4 MB: at least 3 pages.
    const padding = 'x'.repeat(300_000);
    for (let i = 0; i < 8; i += 1) {
      await store.putResult(bigRun, { ...result(`check-${i}`, 'pass', 'ok'), evidence: { padding } });
    }
    const stored = await store.getRun(bigRun);
    expect(stored?.results.map((r) => r.checkId)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `check-${i}`));
  });
});

describe('reports', () => {
  const older = sampleReport({ reportId: '20261124T090000Z-0000000a', createdAt: '2026-11-24T09:01:00Z' });
  const newer = sampleReport({
    reportId: '20261124T100000Z-0000000b',
    createdAt: '2026-11-24T10:01:00.500Z',
  });
  const newest = sampleReport({
    reportId: '20261124T110000Z-0000000c',
    createdAt: '2026-11-24T11:01:00.000Z',
  });

  it('lists reports newest first with their summaries and reads each back', async () => {
    await store.putReport(newer);
    await store.putReport(newest);
    await store.putReport(older);
    await store.putReport(newer); // a retried finalize: still one entry

    const list = await store.listReports(10);
    expect(list.map((s) => s.reportId)).toEqual([newest.reportId, newer.reportId, older.reportId]);
    // The summary is copied from the report: chain id as the port's string, score always beside its coverage.
    expect(list[0]).toEqual({
      reportId: newest.reportId,
      createdAt: newest.createdAt,
      status: 'complete',
      endpoint: 'http://127.0.0.1:8545',
      chainId: '31337',
      clientVersion: 'anvil/v1.7.1',
      profile: `jrt-0193-2020@${newest.profile.version}`,
      verdict: newest.overall.verdict,
      score: newest.score.value,
      coverage: newest.score.coverage,
    });
    expect(newest.schemaVersion).toBe('2');
    expect((await store.listReports(2)).map((s) => s.reportId)).toEqual([newest.reportId, newer.reportId]);
    expect(await store.getReport(newer.reportId)).toEqual(newer);
    expect(await store.getReport('20261124T110000Z-0000dead')).toBeNull();
  });

  it('gzips a report too large for one item as text, and reads it back', async () => {
    const big = sampleReport({ reportId: '20261124T120000Z-0000000d', createdAt: '2026-11-24T12:00:00Z' });
    big.results[0] = {
      ...big.results[0]!,
      evidence: {
        blocks: Array.from({ length: 5_000 }, (_, i) => ({ number: i, hash: `0x${'ab'.repeat(32)}` })),
      },
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(400 * 1024);
    await store.putReport(big);
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: keyOf.run(big.reportId) }, sk: { S: keyOf.report } },
      }),
    );
    expect(Item?.[tableDesign.jsonGzipAttribute]?.B).toBeInstanceOf(Uint8Array);
    expect(Item?.[tableDesign.jsonAttribute]).toBeUndefined();
    expect(await store.getReport(big.reportId)).toEqual(big);
  });

  it('fails clearly when a report does not fit even gzipped', async () => {
    const huge = sampleReport({ reportId: '20261124T130000Z-0000000e', createdAt: '2026-11-24T13:00:00Z' });
    huge.results[0] = { ...huge.results[0]!, evidence: { noise: randomBytes(600_000).toString('base64') } };
    await expect(store.putReport(huge)).rejects.toThrow(StoreItemTooLargeError);
    await expect(store.putReport(huge)).rejects.toThrow(/too large for one DynamoDB item/);
  });
});

describe('untrusted items', () => {
  it('rejects a result item whose JSON does not match the schema', async () => {
    const run = '20261124T101500Z-00000004';
    await store.putRun(metaOf(run));
    await putRaw({
      pk: { S: keyOf.run(run) },
      sk: { S: keyOf.result('ledger-parent-hash-links') },
      json: {
        S: JSON.stringify({
          checkId: 'ledger-parent-hash-links',
          kind: 'conformance',
          status: 'totally-fine',
        }),
      },
    });
    await expect(store.getRun(run)).rejects.toThrow(CorruptStoreItemError);
    await expect(store.getRun(run)).rejects.toThrow(
      /RESULT#ledger-parent-hash-links.*does not match the schema/,
    );
  });

  it('rejects a result stored under another check id', async () => {
    const run = '20261124T101500Z-00000005';
    await store.putRun(metaOf(run));
    await putRaw({
      pk: { S: keyOf.run(run) },
      sk: { S: keyOf.result('ledger-parent-hash-links') },
      json: { S: JSON.stringify(result('tx-raw-replay-rejected', 'pass', 'forged')) },
    });
    await expect(store.getRun(run)).rejects.toThrow(/does not match its key/);
  });

  it('rejects a report item with invalid JSON text', async () => {
    const id = '20261124T140000Z-0000000f';
    await putRaw({ pk: { S: keyOf.run(id) }, sk: { S: keyOf.report }, json: { S: '{"schemaVersion":"2",' } });
    await expect(store.getReport(id)).rejects.toThrow(/invalid JSON/);
  });

  it('rejects a listed report whose summary attributes are forged', async () => {
    const listTable = `${tableName}-list`;
    await ensureTable({ client, tableName: listTable });
    try {
      const listStore = createDynamoReportStore({ client, tableName: listTable });
      await listStore.putReport(newestReport());
      await client.send(
        new PutItemCommand({
          TableName: listTable,
          Item: {
            pk: { S: keyOf.run('20261124T150000Z-00000010') },
            sk: { S: keyOf.report },
            gsi1pk: { S: 'REPORTS' },
            gsi1sk: { S: '2026-11-24T15:00:00.000Z#20261124T150000Z-00000010' },
            reportId: { S: '20261124T150000Z-00000010' },
            verdict: { S: 'certified-by-regulator' },
          },
        }),
      );
      await expect(listStore.listReports(10)).rejects.toThrow(/invalid summary attributes/);
    } finally {
      await client.send(new DeleteTableCommand({ TableName: listTable }));
    }
  });
});

function newestReport() {
  return sampleReport({ reportId: '20261124T140000Z-00000011', createdAt: '2026-11-24T14:00:00Z' });
}
