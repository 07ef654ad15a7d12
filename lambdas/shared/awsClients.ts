import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';

export interface AwsClients {
  readonly dynamodb: DynamoDBClient;
  readonly secretsManager: SecretsManagerClient;
  readonly stepFunctions: SFNClient;
  /** The report signing key (finalize). */
  readonly kms: KMSClient;
  /** The report bucket (finalize). */
  readonly s3: S3Client;
}

let clients: AwsClients | undefined;

/**
 * SDK clients created once per container and reused by warm invocations (their connection pools
 * and credentials survive between events). Region and credentials come from the Lambda runtime.
 */
export function awsClients(): AwsClients {
  clients ??= {
    dynamodb: new DynamoDBClient({}),
    secretsManager: new SecretsManagerClient({}),
    stepFunctions: new SFNClient({}),
    kms: new KMSClient({}),
    s3: new S3Client({}),
  };
  return clients;
}
