import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ValueReview } from '../core/resolve';
import { db } from './client';
import { keys } from './keys';
import { queryAll } from './paged-query';

/**
 * Officers' decisions on open rows, one item per agency-year row as printed
 * (`REVIEW#VALUE#<matching name>#<year>`, `ROW#<first key>#<hash of the printed text>`), apart from the
 * report: a re-parse or a re-upload of the same text finds the review again, a corrected text
 * does not. Each decision is appended to `history` with the values before and after; taking one
 * back is a decision too (`reverted`), so the trail shows who decided, who reverted, when and why.
 */
export interface ValueReviewItem extends ValueReview {
  reportId: string;
  before: (number | null)[];
  history: (ValueReview & { reportId: string; before: (number | null)[] })[];
}

const rowKey = (row: string, printed: string) => `ROW#${row}#${createHash('sha256').update(printed).digest('hex').slice(0, 16)}`;

export async function putValueReview(name: string, year: number, reportId: string, review: ValueReview, before: (number | null)[]): Promise<ValueReviewItem> {
  const { doc, table } = db();
  const entry = { ...review, reverted: review.reverted ?? false, reportId, before };
  const res = await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: { pk: keys.valueReviewPartition(name, year), sk: rowKey(review.row, review.printed) },
      UpdateExpression:
        'SET #row = :row, printed = :printed, #values = :values, #by = :by, #at = :at, note = :note, reportId = :report, #before = :before, reverted = :reverted, history = list_append(if_not_exists(history, :empty), :entry)',
      ExpressionAttributeNames: { '#row': 'row', '#values': 'values', '#by': 'by', '#at': 'at', '#before': 'before' },
      ExpressionAttributeValues: {
        ':row': review.row,
        ':printed': review.printed,
        ':values': review.values,
        ':by': review.by,
        ':at': review.at,
        ':note': review.note,
        ':reverted': review.reverted ?? false,
        ':report': reportId,
        ':before': before,
        ':empty': [],
        ':entry': [entry],
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return strip(res.Attributes!);
}

/** Every review of the rows of one year of the agency filed under its matching name `name`. */
export async function valueReviewsOf(name: string, year: number): Promise<ValueReviewItem[]> {
  const [current, legacy] = await Promise.all(
    [keys.valueReviewPartition(name, year), keys.legacyValueReviewPartition(name, year)].map((pk) =>
      queryAll([{ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }]),
    ),
  );
  // A row reviewed again since it moved partitions: the later decision only.
  const rows = new Set(current.map((i) => i.sk));
  return [...current, ...legacy.filter((i) => !rows.has(i.sk))].map(strip);
}

function strip(item: Record<string, unknown>): ValueReviewItem {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as ValueReviewItem;
}
