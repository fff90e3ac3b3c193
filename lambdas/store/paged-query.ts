import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { InvalidCursor } from './errors';
import type { Page } from './items';

/** One partition to read: a Query without table name or start key. */
export type Part = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;

interface Cursor {
  /** Index of the part being read. */
  p: number;
  /** DynamoDB's LastEvaluatedKey in that part. */
  k?: Record<string, unknown>;
}

const DEFAULT_LIMIT = 100;

/**
 * Reads several partitions (the shards of a sharded index) one after another as one paginated
 * list. The cursor is opaque to callers: base64url JSON of the part and DynamoDB's last key.
 */
export async function pagedQuery(parts: Part[], page: { limit?: number; cursor?: string } = {}): Promise<Page<Record<string, unknown>>> {
  const { doc, table } = db();
  const limit = page.limit ?? DEFAULT_LIMIT;
  let at = page.cursor ? decode(page.cursor, parts.length) : { p: 0 };
  const items: Record<string, unknown>[] = [];
  while (at.p < parts.length && items.length < limit) {
    const res = await doc.send(
      new QueryCommand({ ...parts[at.p], TableName: table, ExclusiveStartKey: at.k, Limit: limit - items.length }),
    );
    items.push(...(res.Items ?? []));
    at = res.LastEvaluatedKey ? { p: at.p, k: res.LastEvaluatedKey } : { p: at.p + 1 };
  }
  return { items, cursor: at.p < parts.length ? encode(at) : undefined };
}

/** Every item of every part, the parts read in parallel: for audits that need a whole year. */
export async function queryAll(parts: Part[]): Promise<Record<string, unknown>[]> {
  const { doc, table } = db();
  const chunks = await Promise.all(
    parts.map(async (part) => {
      const out: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await doc.send(new QueryCommand({ ...part, TableName: table, ExclusiveStartKey: start }));
        out.push(...(res.Items ?? []));
        start = res.LastEvaluatedKey;
      } while (start);
      return out;
    }),
  );
  return chunks.flat();
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(s: string, parts: number): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.p) && c.p >= 0 && c.p < parts && (c.k === undefined || typeof c.k === 'object')) return c;
  } catch {
    // fall through: not our cursor
  }
  throw new InvalidCursor();
}
