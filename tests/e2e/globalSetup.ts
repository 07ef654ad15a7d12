import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '#cli/embedded/startDynamoLocal.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local shared by every e2e file; each file uses its own table name. */
    dynamoEndpoint: string;
  }
}

/**
 * One DynamoDB Local (in memory) for the whole e2e project: the JVM takes seconds and ~300 MB to
 * start, too much per file on two cores. Files isolate themselves by table name, not by process.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
