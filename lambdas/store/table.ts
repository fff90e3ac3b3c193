import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { INDEXES, schema } from './keys';

/**
 * The table as a CreateTable request, for the local emulator and tests. The CDK table
 * (lib/storage.ts) declares the same keys and indexes from the same `schema`.
 */
export function tableDefinition(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: schema.pk, KeyType: 'HASH' },
      { AttributeName: schema.sk, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [schema.pk, schema.sk, ...INDEXES.flatMap((i) => [i.pk, i.sk])].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S',
    })),
    GlobalSecondaryIndexes: INDEXES.map(indexDefinition),
  };
}

/** One GSI as CreateTable (and UpdateTable, for a local table made before it) declares it. */
export function indexDefinition(i: (typeof INDEXES)[number]) {
  return {
    IndexName: i.name,
    KeySchema: [
      { AttributeName: i.pk, KeyType: 'HASH' as const },
      { AttributeName: i.sk, KeyType: 'RANGE' as const },
    ],
    Projection: 'projected' in i ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...i.projected] } : { ProjectionType: 'ALL' as const },
  };
}
