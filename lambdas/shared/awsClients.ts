import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';

export interface AwsClients {
  readonly dynamodb: DynamoDBClient;
  readonly secretsManager: SecretsManagerClient;
  readonly stepFunctions: SFNClient;
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
  };
  return clients;
}
