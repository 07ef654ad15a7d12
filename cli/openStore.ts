import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { createDynamoReportStore } from '#reports/store/createDynamoReportStore.ts';
import { ensureTable } from '#reports/store/ensureTable.ts';
import { createLocalDynamoClient, startDynamoLocal } from './embedded/startDynamoLocal.ts';
import { InterruptedError } from './InterruptedError.ts';

export interface OpenStoreOptions {
  /** A DynamoDB(-compatible) endpoint; @default - embedded DynamoDB Local with data under `.chaineval/` */
  readonly dynamodbEndpoint?: string | undefined;
  readonly tableName: string;
  readonly dynamodbPort?: number | undefined;
  readonly progress: (line: string) => void;
  /** Checked after DynamoDB Local started: an interrupt during start-up stops it again. */
  readonly signal?: AbortSignal;
}

export interface OpenedStore {
  readonly store: ResultStore;
  readonly endpoint: string;
  /** PID of the embedded DynamoDB Local, when this call started one. */
  readonly pid?: number;
  close(): Promise<void>;
}

/** Folder of the embedded store's data, so report history persists between runs. */
export const embeddedDataDir = (): string => join(process.cwd(), '.chaineval', 'dynamodb');

/** DynamoDB table names: 3–255 of letters, digits, `_`, `-` and `.`. */
const tableNamePattern = /^[A-Za-z0-9_.-]{3,255}$/;

/** Checks the store flags before anything starts: a table name DynamoDB accepts, an http(s) endpoint. */
export function validateStoreOptions(
  options: Pick<OpenStoreOptions, 'dynamodbEndpoint' | 'tableName'>,
): void {
  if (!tableNamePattern.test(options.tableName)) {
    throw new ConfigError(
      `--table "${options.tableName.slice(0, 80)}" is not a DynamoDB table name (3–255 letters, digits, "_", "-" or ".")`,
    );
  }
  if (options.dynamodbEndpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.dynamodbEndpoint);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
      throw new ConfigError(
        `--dynamodb-endpoint must be an http(s) URL like http://127.0.0.1:8000 (got "${options.dynamodbEndpoint.slice(0, 80)}")`,
      );
    }
  }
}

/**
 * The report store: the embedded DynamoDB Local (history kept in `.chaineval/dynamodb`) or a given
 * endpoint. Every call has a deadline, so an endpoint that is closed, not DynamoDB, or silent is one
 * clear line instead of a hang.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  validateStoreOptions(options);
  if (options.dynamodbEndpoint) {
    const endpoint = options.dynamodbEndpoint;
    const client = process.env.AWS_ACCESS_KEY_ID
      ? new DynamoDBClient({ endpoint, maxAttempts: 2 })
      : createLocalDynamoClient(endpoint, { maxAttempts: 2 });
    const endpointLabel = `the DynamoDB endpoint ${endpoint}`;
    try {
      await ensureTable({ client, tableName: options.tableName, endpointLabel });
    } catch (error) {
      client.destroy();
      throw error;
    }
    return {
      store: createDynamoReportStore({ client, tableName: options.tableName, endpointLabel }),
      endpoint,
      close: async () => client.destroy(),
    };
  }
  options.progress('starting embedded DynamoDB Local …');
  const local = await startDynamoLocal({
    dataDir: embeddedDataDir(),
    ...(options.dynamodbPort === undefined ? {} : { port: options.dynamodbPort }),
  });
  const client = createLocalDynamoClient(local.endpoint, { maxAttempts: 2 });
  const endpointLabel = `the embedded DynamoDB Local (${local.endpoint})`;
  try {
    if (options.signal?.aborted)
      throw new InterruptedError(`${String(options.signal.reason)} while starting; nothing was stored`);
    await ensureTable({ client, tableName: options.tableName, endpointLabel });
  } catch (error) {
    client.destroy();
    await local.stop();
    throw error;
  }
  options.progress(`embedded DynamoDB Local on ${local.endpoint} (pid ${local.pid})`);
  return {
    store: createDynamoReportStore({ client, tableName: options.tableName, endpointLabel }),
    endpoint: local.endpoint,
    pid: local.pid,
    close: async () => {
      client.destroy();
      await local.stop();
    },
  };
}
