import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A client for DynamoDB Local. It accepts any credentials and, with -sharedDb, ignores the region,
 * but the SDK insists on both; fixed dummies keep the operator's real AWS profile out of local runs.
 * (DynamoDB Local 2+ accepts only letters and digits in the access key id.)
 */
export function createLocalDynamoClient(
  endpoint: string,
  options: { readonly maxAttempts?: number } = {},
): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'chaineval', secretAccessKey: 'local' },
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
}
