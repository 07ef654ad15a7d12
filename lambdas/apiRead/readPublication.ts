import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { tableDesign } from '#reports/store/tableDesign.ts';
import { type Publication, PublicationSchema, publicationItemKey } from '../shared/PublicationSchema.ts';

/** What finalize recorded about sealing and publishing a run's report; undefined before it did (or for a CLI run). */
export async function readPublication(
  client: DynamoDBClient,
  tableName: string,
  runId: string,
): Promise<Publication | undefined> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: publicationItemKey(runId), ConsistentRead: true }),
  );
  const json = Item?.[tableDesign.jsonAttribute]?.S;
  return json === undefined ? undefined : PublicationSchema.parse(JSON.parse(json));
}
