import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandOutput,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { type SealStore, type StoredSeal, StoredSealSchema } from '#core/store/SealStore.ts';
import { decodeJsonAttribute } from './decodeJsonAttribute.ts';
import { encodeJsonAttribute } from './encodeJsonAttribute.ts';
import { ChainMovedError, SealExistsError } from './SealWriteError.ts';
import { CorruptStoreItemError, StoreError } from './StoreError.ts';
import { itemTypes, keyOf, tableDesign } from './tableDesign.ts';
import { toStoreError } from './toStoreError.ts';

export interface DynamoSealStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How the endpoint is named in errors. @default 'DynamoDB' */
  readonly endpointLabel?: string;
  /** Deadline of each call, retries included. @default 15_000 */
  readonly requestDeadlineMs?: number;
}

type Item = Record<string, AttributeValue>;

/**
 * Sealed reports on the result table (tableDesign.ts): the seal under its run, and the target's
 * hash chain (one link item per seal and a head item). All three are written in one transaction
 * with conditions, so a sealed report cannot be overwritten through chaineval and two runs of the
 * same target cannot both link the same predecessor (the second is refused and seals again).
 * Immutability holds against writers that use these conditions; an IAM policy is what keeps
 * other writers out in AWS (infra/).
 */
export function createDynamoSealStore({
  client,
  tableName,
  endpointLabel = 'DynamoDB',
  requestDeadlineMs = 15_000,
}: DynamoSealStoreOptions): SealStore {
  const where = `${endpointLabel} (table "${tableName}")`;
  const key = (pk: string, sk: string): Item => ({
    [tableDesign.partitionKey]: { S: pk },
    [tableDesign.sortKey]: { S: sk },
  });
  const getItem = async (pk: string, sk: string): Promise<Item | undefined> => {
    try {
      const out: GetItemCommandOutput = await client.send(
        new GetItemCommand({ TableName: tableName, Key: key(pk, sk), ConsistentRead: true }),
        { abortSignal: AbortSignal.timeout(requestDeadlineMs) },
      );
      return out.Item;
    } catch (error) {
      throw toStoreError(error, where, requestDeadlineMs);
    }
  };
  const decode = (item: Item, pk: string, sk: string): StoredSeal =>
    decodeJsonAttribute(item, StoredSealSchema, `item ${pk}/${sk} of table "${tableName}"`);

  return {
    async putSeal(seal) {
      const parsed = StoredSealSchema.safeParse(seal);
      if (!parsed.success) {
        throw new StoreError('refusing to store an invalid seal (a harness bug)', {
          details: z.prettifyError(parsed.error),
        });
      }
      const valid = parsed.data;
      const target = keyOf.target(valid.targetFingerprint);
      const typed = (type: string) => ({ [tableDesign.typeAttribute]: { S: type } });
      const noItem = {
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': tableDesign.partitionKey },
      };
      const head =
        valid.previous === null
          ? noItem
          : {
              ConditionExpression: '#digest = :previous',
              ExpressionAttributeNames: { '#digest': 'digest' },
              ExpressionAttributeValues: { ':previous': { S: valid.previous.digest } },
            };
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: encodeJsonAttribute(
                    { ...key(keyOf.run(valid.reportId), keyOf.seal), ...typed(itemTypes.seal) },
                    valid,
                    `seal of ${valid.reportId}`,
                  ),
                  ...noItem,
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: encodeJsonAttribute(
                    {
                      ...key(target, keyOf.chainLink(valid.sealedAt, valid.reportId)),
                      ...typed(itemTypes.chainLink),
                    },
                    valid,
                    `chain link of ${valid.reportId}`,
                  ),
                  ...noItem,
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: encodeJsonAttribute(
                    {
                      ...key(target, keyOf.chainHead),
                      ...typed(itemTypes.chainHead),
                      digest: { S: valid.digest },
                    },
                    valid,
                    `chain head of ${valid.targetFingerprint}`,
                  ),
                  ...head,
                },
              },
            ],
          }),
          { abortSignal: AbortSignal.timeout(requestDeadlineMs) },
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
          if (codes[0] === 'ConditionalCheckFailed' || codes[1] === 'ConditionalCheckFailed') {
            throw new SealExistsError(
              `report ${valid.reportId} is sealed in ${where} already; a sealed report cannot be overwritten`,
              { cause: error },
            );
          }
          if (codes[2] === 'ConditionalCheckFailed') {
            throw new ChainMovedError(
              `another report of target ${valid.targetFingerprint} was sealed after ${valid.previous?.reportId ?? 'none'}; seal again on the new chain head`,
              { cause: error },
            );
          }
        }
        throw toStoreError(error, where, requestDeadlineMs);
      }
    },

    async latestSeal(targetFingerprint) {
      const pk = keyOf.target(targetFingerprint);
      const item = await getItem(pk, keyOf.chainHead);
      if (!item) return null;
      const seal = decode(item, pk, keyOf.chainHead);
      if (seal.targetFingerprint !== targetFingerprint || item.digest?.S !== seal.digest) {
        throw new CorruptStoreItemError(
          `chain head ${pk} of table "${tableName}" does not match its key or digest; it was written outside chaineval`,
        );
      }
      return seal;
    },

    async getSeal(reportId) {
      const id = RunIdSchema.parse(reportId);
      const pk = keyOf.run(id);
      const item = await getItem(pk, keyOf.seal);
      if (!item) return null;
      const seal = decode(item, pk, keyOf.seal);
      if (seal.reportId !== id) {
        throw new CorruptStoreItemError(
          `seal ${pk}/${keyOf.seal} of table "${tableName}" names report ${seal.reportId}; it was written outside chaineval`,
        );
      }
      return seal;
    },
  };
}
