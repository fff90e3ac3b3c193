import { paginateQuery, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { InvalidCursor } from './errors';
import type { Page } from './items';
import { INDEXES, schema } from './keys';

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
 * A page holds at most this much item JSON, whatever `limit` says: findings with long evidence
 * reach ~20 KB each, and an API response must stay well under Lambda's 6 MB.
 */
export const MAX_PAGE_BYTES = 1024 * 1024;

/** The key attributes DynamoDB needs to resume a query of `part` after `item`. */
function resumeKey(item: Record<string, unknown>, part: Part): Record<string, unknown> {
  const index = INDEXES.find((i) => i.name === part.IndexName);
  const names = [schema.pk, schema.sk, ...(index ? [index.pk, index.sk] : [])];
  return Object.fromEntries(names.map((n) => [n, item[n]]));
}

/**
 * Reads several partitions (the shards of a sharded index) one after another as one paginated
 * list. The cursor is opaque to callers: base64url JSON of the part and DynamoDB's last key.
 */
export async function pagedQuery(parts: Part[], page: { limit?: number; cursor?: string; maxBytes?: number } = {}): Promise<Page<Record<string, unknown>>> {
  const { doc, table } = db();
  const limit = page.limit ?? DEFAULT_LIMIT;
  const maxBytes = page.maxBytes ?? MAX_PAGE_BYTES;
  let at = page.cursor ? decode(page.cursor, parts.length) : { p: 0 };
  const items: Record<string, unknown>[] = [];
  let bytes = 0;
  while (at.p < parts.length && items.length < limit) {
    const part = parts[at.p];
    const res = await doc.send(new QueryCommand({ ...part, TableName: table, ExclusiveStartKey: at.k, Limit: limit - items.length }));
    for (const item of res.Items ?? []) {
      const size = Buffer.byteLength(JSON.stringify(item));
      // Full by size: the cursor resumes right after the last item kept (one item always fits, so paging moves on).
      if (items.length > 0 && bytes + size > maxBytes) return { items, cursor: encode({ p: at.p, k: resumeKey(items[items.length - 1], part) }) };
      items.push(item);
      bytes += size;
    }
    at = res.LastEvaluatedKey ? { p: at.p, k: res.LastEvaluatedKey } : { p: at.p + 1 };
  }
  return { items, cursor: at.p < parts.length ? encode(at) : undefined };
}

/** Every item of one part, page after page (the SDK's paginator follows LastEvaluatedKey). */
export async function queryItems(part: Part): Promise<Record<string, unknown>[]> {
  const { doc, table } = db();
  const out: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: doc }, { ...part, TableName: table })) out.push(...(page.Items ?? []));
  return out;
}

/** Every item of every part, the parts read in parallel: for audits that need a whole year. */
export async function queryAll(parts: Part[]): Promise<Record<string, unknown>[]> {
  return (await Promise.all(parts.map(queryItems))).flat();
}

/** How many items every part holds (its filter applied), counted by DynamoDB (`Select: COUNT`): no item is read back. */
export async function countAll(parts: Part[]): Promise<number> {
  const { doc, table } = db();
  const counts = await Promise.all(
    parts.map(async ({ ProjectionExpression: _none, ...counted }) => {
      let n = 0;
      for await (const page of paginateQuery({ client: doc }, { ...counted, TableName: table, Select: 'COUNT' })) n += page.Count ?? 0;
      return n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
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
