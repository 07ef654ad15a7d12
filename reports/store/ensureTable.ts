import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { StoreError } from './StoreError.ts';
import { tableDesign } from './tableDesign.ts';
import { toStoreError } from './toStoreError.ts';

export interface EnsureTableOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** @default 60_000 */
  readonly timeoutMs?: number;
  /** How the endpoint is named in errors. @default 'DynamoDB' */
  readonly endpointLabel?: string;
  /** Deadline of each call. @default 10_000 */
  readonly requestDeadlineMs?: number;
}

/**
 * Creates the result table (on demand, with the `byCreatedAt` index) unless it exists, and waits
 * until it and its index are ACTIVE. For DynamoDB Local and tests: in AWS the CDK stack owns the
 * table. Fails when an existing table has different keys, instead of writing into it.
 */
export async function ensureTable({
  client,
  tableName,
  timeoutMs = 60_000,
  endpointLabel = 'DynamoDB',
  requestDeadlineMs = 10_000,
}: EnsureTableOptions): Promise<void> {
  const where = `${endpointLabel} (table "${tableName}")`;
  const describe = async (): Promise<TableDescription | undefined> => {
    try {
      return (
        await client.send(new DescribeTableCommand({ TableName: tableName }), {
          abortSignal: AbortSignal.timeout(requestDeadlineMs),
        })
      ).Table;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw toStoreError(error, where, requestDeadlineMs);
    }
  };
  let table = await describe();
  if (!table) {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)), {
        abortSignal: AbortSignal.timeout(requestDeadlineMs),
      });
    } catch (error) {
      // Another process created it between our describe and create: that is the state we want.
      if (!(error instanceof ResourceInUseException)) throw toStoreError(error, where, requestDeadlineMs);
    }
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    table = await describe();
    if (table && table.TableStatus === 'ACTIVE') {
      assertDesign(table, tableName);
      if ((table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) return;
    }
    if (Date.now() > deadline) {
      throw new StoreError(
        `DynamoDB table "${tableName}" did not become ACTIVE within ${timeoutMs} ms (status ${table?.TableStatus ?? 'missing'})`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function createTableInput(tableName: string) {
  const index = tableDesign.byCreatedAtIndex;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      tableDesign.partitionKey,
      tableDesign.sortKey,
      index.partitionKey,
      index.sortKey,
    ].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
        ],
        // Only the summary is projected: listing stays cheap however large the reports are.
        Projection: {
          ProjectionType: 'INCLUDE' as const,
          NonKeyAttributes: [...tableDesign.reportSummaryAttributes],
        },
      },
    ],
  };
}

function assertDesign(table: TableDescription, tableName: string): void {
  const keys = (table.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const expected = `${tableDesign.partitionKey}:HASH,${tableDesign.sortKey}:RANGE`;
  const hasIndex = (table.GlobalSecondaryIndexes ?? []).some(
    (i) => i.IndexName === tableDesign.byCreatedAtIndex.name,
  );
  if (keys !== expected || !hasIndex) {
    throw new StoreError(`DynamoDB table "${tableName}" exists but is not a chaineval result table`, {
      details: `keys ${keys || 'none'} (expected ${expected}), index "${tableDesign.byCreatedAtIndex.name}" ${hasIndex ? 'present' : 'missing'}. Use another table name or delete the table.`,
    });
  }
}
