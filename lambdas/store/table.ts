import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { schema } from './keys';

/**
 * The table as a CreateTable request, for the local emulator and tests. The CDK table
 * (lib/storage.ts) declares the same keys and indexes from the same `schema`.
 */
export function tableDefinition(name: string): CreateTableCommandInput {
  const indexes = [schema.byAgency, schema.byYear, schema.byRule];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: schema.pk, KeyType: 'HASH' },
      { AttributeName: schema.sk, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [schema.pk, schema.sk, ...indexes.flatMap((i) => [i.pk, i.sk])].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S',
    })),
    GlobalSecondaryIndexes: indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.pk, KeyType: 'HASH' },
        { AttributeName: i.sk, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
