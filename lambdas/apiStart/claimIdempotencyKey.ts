import { createHash } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDesign } from '#reports/store/tableDesign.ts';
import { ApiRequestError } from '../shared/apiResponse.ts';

export interface IdempotencyClaim {
  readonly runId: string;
  /** True for the first request with this key, false for a repeat of it. */
  readonly fresh: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Records `key` → `runId` with a conditional write, so of any number of requests with one key
 * exactly one claims it; a repeat gets the first run id back, and the same key with a different
 * body is a 409 (the client reused a key by mistake). The item lives beside the run's items in the
 * result table (`IDEMPOTENCY#<sha256 of key>`); only hashes are stored, never the body.
 */
export async function claimIdempotencyKey(
  client: DynamoDBClient,
  tableName: string,
  key: string,
  requestBody: string,
  runId: string,
  now: Date = new Date(),
): Promise<IdempotencyClaim> {
  const itemKey = {
    [tableDesign.partitionKey]: { S: `IDEMPOTENCY#${sha256(key)}` },
    [tableDesign.sortKey]: { S: 'REQUEST' },
  };
  const requestHash = sha256(requestBody);
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          ...itemKey,
          [tableDesign.typeAttribute]: { S: 'idempotency-key' },
          runId: { S: runId },
          requestHash: { S: requestHash },
          createdAt: { S: now.toISOString() },
        },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': tableDesign.partitionKey },
      }),
    );
    return { runId, fresh: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: itemKey, ConsistentRead: true }),
  );
  const claimed = Item?.runId?.S;
  if (claimed === undefined)
    throw new Error('idempotency item vanished between write and read (a harness bug)');
  if (Item?.requestHash?.S !== requestHash) {
    throw new ApiRequestError(
      `Idempotency-Key was already used for a different request (run ${claimed}); use a new key for a new run`,
      409,
    );
  }
  return { runId: claimed, fresh: false };
}
