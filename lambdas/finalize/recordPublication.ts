import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { tableDesign } from '#reports/store/tableDesign.ts';
import { type Publication, publicationItemKey } from '../shared/PublicationSchema.ts';

/** Records (overwrites) the outcome of sealing and publishing a run's report: a retry's success replaces a failure. */
export async function recordPublication(
  client: DynamoDBClient,
  tableName: string,
  runId: string,
  publication: Publication,
): Promise<void> {
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        ...publicationItemKey(runId),
        [tableDesign.typeAttribute]: { S: 'publication' },
        [tableDesign.jsonAttribute]: { S: JSON.stringify(publication) },
      },
    }),
  );
}
