import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { createDynamoReportStore } from '#reports/store/createDynamoReportStore.ts';
import { ensureTable } from '#reports/store/ensureTable.ts';
import { createLocalDynamoClient, startDynamoLocal } from './embedded/startDynamoLocal.ts';

export interface OpenStoreOptions {
  /** A DynamoDB(-compatible) endpoint; @default - embedded DynamoDB Local with data under `.chaineval/` */
  readonly dynamodbEndpoint?: string | undefined;
  readonly tableName: string;
  readonly dynamodbPort?: number | undefined;
  readonly progress: (line: string) => void;
}

export interface OpenedStore {
  readonly store: ResultStore;
  readonly endpoint: string;
  close(): Promise<void>;
}

/** The report store: the embedded DynamoDB Local (history kept in `.chaineval/dynamodb`) or a given endpoint. */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  if (options.dynamodbEndpoint) {
    const client = process.env.AWS_ACCESS_KEY_ID
      ? new DynamoDBClient({ endpoint: options.dynamodbEndpoint })
      : createLocalDynamoClient(options.dynamodbEndpoint);
    await ensureTable({ client, tableName: options.tableName });
    return {
      store: createDynamoReportStore({ client, tableName: options.tableName }),
      endpoint: options.dynamodbEndpoint,
      close: async () => client.destroy(),
    };
  }
  options.progress('starting embedded DynamoDB Local …');
  const local = await startDynamoLocal({
    dataDir: join(process.cwd(), '.chaineval', 'dynamodb'),
    ...(options.dynamodbPort === undefined ? {} : { port: options.dynamodbPort }),
  });
  const client = createLocalDynamoClient(local.endpoint);
  try {
    await ensureTable({ client, tableName: options.tableName });
  } catch (error) {
    client.destroy();
    await local.stop();
    throw error;
  }
  return {
    store: createDynamoReportStore({ client, tableName: options.tableName }),
    endpoint: local.endpoint,
    close: async () => {
      client.destroy();
      await local.stop();
    },
  };
}
