import type { ResultStore } from '#core/store/ResultStore.ts';
import { createDynamoReportStore } from '#reports/store/createDynamoReportStore.ts';
import { awsClients } from './awsClients.ts';
import type { LambdaEnv } from './readLambdaEnv.ts';

/** The same DynamoDB store the CLI uses, on the stack's table. */
export function createLambdaStore(env: LambdaEnv): ResultStore {
  return createDynamoReportStore({ client: awsClients().dynamodb, tableName: env.tableName });
}
