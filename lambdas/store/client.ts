import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StoreConfigError } from './errors';

/**
 * The document client and table name, from the environment only (`OGI_TABLE`, and the SDK's own
 * `AWS_REGION` / `AWS_ENDPOINT_URL_DYNAMODB`), so AWS and the local emulator share one code path.
 * Created on first use: tests and the local runner set the environment before that.
 */
export interface Db {
  doc: DynamoDBDocumentClient;
  table: string;
}

let cached: Db | undefined;

export function db(): Db {
  const table = process.env.OGI_TABLE;
  if (!table) throw new StoreConfigError('OGI_TABLE is not set');
  if (cached?.table !== table) {
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true },
    });
    cached = { doc, table };
  }
  return cached;
}
