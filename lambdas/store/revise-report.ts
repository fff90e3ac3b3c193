import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { countFindings } from '../core/findings/counts';
import type { Report } from '../core/types';
import { batchWrite } from './batch-write';
import { db } from './client';
import { ClaimLost } from './errors';
import type { ReportView } from './items';
import { keys } from './keys';
import { findingItems, findingKeys } from './save-report';
import { summaryAttributes } from './summaries';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's bounds on one transaction: 100 items and 4 MB (JSON's length stands in for the items' size, with a margin). */
export const TRANSACT_ITEMS = 100;
const TRANSACT_BYTES = 3.5 * 1024 * 1024;

export interface ReviseOptions {
  /** Items one transaction may hold (default DynamoDB's 100); the fault tests lower it to reach the fallback. */
  transactItems?: number;
}

/**
 * Stores a new revision of a report (its values decided anew by neighbours or an officer): the
 * item's values, derived figures, finding counts, audit summary and rows pending review, conditional on the
 * revision read (→ ClaimLost when another writer got there first), and its findings replaced
 * (each `FINDING#nnnn` put, the ones past the new count deleted), all in one transaction. A report
 * has at most a few dozen findings (14 on the corpus and samples); one with more than a
 * transaction holds is written item first, then findings: the caller writes the record object
 * only after this returns, so until both are done a retry (Lambda's) finds the record unchanged,
 * decides the same revision again and rewrites both.
 */
export async function reviseReport(view: ReportView, report: Report, opts: ReviseOptions = {}): Promise<void> {
  const { doc, table } = db();
  const update = itemUpdate(table, view, report);
  const puts = findingItems(view.id, report, view.current);
  const kept = new Set(puts.map((i) => i.sk));
  const stale = (await findingKeys(view.id)).filter((k) => !kept.has(k.sk as string));
  const transact: TransactItem[] = [
    { Update: update },
    ...puts.map((Item) => ({ Put: { TableName: table, Item } })),
    ...stale.map((Key) => ({ Delete: { TableName: table, Key } })),
  ];
  if (transact.length <= (opts.transactItems ?? TRANSACT_ITEMS) && Buffer.byteLength(JSON.stringify(transact)) <= TRANSACT_BYTES) {
    await doc.send(new TransactWriteCommand({ TransactItems: transact })).catch((err) => {
      // The revision moved (or a concurrent transaction on these items): read again and decide again.
      const lost =
        err instanceof TransactionCanceledException &&
        err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
      throw lost ? new ClaimLost(view.id) : err;
    });
    return;
  }
  await doc.send(new UpdateCommand(update)).catch((err) => {
    throw err?.name === 'ConditionalCheckFailedException' ? new ClaimLost(view.id) : err;
  });
  await batchWrite([...puts.map((Item) => ({ PutRequest: { Item } })), ...stale.map((Key) => ({ DeleteRequest: { Key } }))]);
}

function itemUpdate(table: string, view: ReportView, report: Report): UpdateCommandInput & { UpdateExpression: string } {
  const findingCounts = countFindings(report.findings);
  const seen = view.revision ?? 0;
  // The audit's summary follows the values (a revised report is parsed, so it has one).
  const { summary, summaryVersion } = summaryAttributes(view.id, report);
  return {
    TableName: table,
    Key: keys.report(view.id),
    UpdateExpression: `SET #values = :values, derived = :derived, findingCounts = :counts, revision = :next, summary = :summary, summaryVersion = :summaryVersion${report.pending ? ', pending = :pending' : ' REMOVE pending'}`,
    ConditionExpression: seen ? 'revision = :seen' : 'attribute_not_exists(revision)',
    ExpressionAttributeNames: { '#values': 'values' },
    ExpressionAttributeValues: {
      ':values': report.values,
      ':derived': report.derived,
      ':counts': findingCounts,
      ':next': seen + 1,
      ':summary': summary ?? null,
      ':summaryVersion': summaryVersion ?? 0,
      ...(seen ? { ':seen': seen } : {}),
      ...(report.pending ? { ':pending': report.pending } : {}),
    },
  };
}
