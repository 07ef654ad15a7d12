import { createSecretScrubber } from '#core/security/createSecretScrubber.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import type { SealStore } from '#core/store/SealStore.ts';
import { createDynamoReportStore } from '#reports/store/createDynamoReportStore.ts';
import { createScrubbingStore } from '#reports/store/createScrubbingStore.ts';
import { awsClients } from './awsClients.ts';
import type { LambdaEnv } from './readLambdaEnv.ts';

/**
 * The same DynamoDB store the CLI uses, on the stack's table, and like the CLI's wrapped in
 * createScrubbingStore: a token in the target URL's path or query that reached a result through some
 * library's error text is masked before it is written. `targetUrls` are the URLs this invocation
 * connects to; functions that connect to none (finalize, the API) pass `[]` and write only what
 * scrubbed writers stored before them.
 */
export function createLambdaStore(env: LambdaEnv, targetUrls: readonly string[]): ResultStore & SealStore {
  return createScrubbingStore(
    createDynamoReportStore({ client: awsClients().dynamodb, tableName: env.tableName }),
    createSecretScrubber(targetUrls),
  );
}
