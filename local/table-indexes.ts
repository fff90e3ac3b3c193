import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { INDEXES } from '../lambdas/store/keys';
import { indexDefinition } from '../lambdas/store/table';

/**
 * Adds the indexes a table kept in `.local/` from an older version lacks (the summary index came
 * after the first three), as a stack update adds them in AWS; DynamoDB Local backfills them from the
 * items. Only the items written since carry a new index's keys.
 */
export async function addMissingIndexes(dynamodb: DynamoDBClient, table: string): Promise<string[]> {
  const existing = new Set(((await dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const added: string[] = [];
  for (const index of INDEXES.filter((i) => !existing.has(i.name))) {
    await dynamodb.send(
      new UpdateTableCommand({
        TableName: table,
        AttributeDefinitions: [index.pk, index.sk].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
      }),
    );
    added.push(index.name);
  }
  return added;
}
