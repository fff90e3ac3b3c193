import { BatchGetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Report } from '../core/types';
import { db } from './client';
import { ClaimLost } from './errors';
import { fromItem, type FindingCounts, type ReportView } from './items';
import { keys } from './keys';
import { queryAll } from './paged-query';
import { deleteFindings, putFindings } from './save-report';

/**
 * Registers a parsed report under its agency's matching name (`matchingName`) and year, so the
 * reports of the years around it find it whatever way each printed the agency's name.
 */
export async function putKin(name: string, report: Report): Promise<void> {
  const { doc, table } = db();
  await doc.send(new PutCommand({ TableName: table, Item: { ...keys.kin(name, report.year!, report.id), id: report.id } }));
}

/** The current parsed reports filed under the agency's matching name `name` for `year`. */
export async function currentKin(name: string, year: number): Promise<ReportView[]> {
  const ids = (
    await queryAll([{ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.kinPartition(name, year) } }])
  ).map((i) => i.id as string);
  if (ids.length === 0) return [];
  const { doc, table } = db();
  const out: ReportView[] = [];
  // An agency-year holds a handful of versions: one BatchGet of at most 100 keys per call.
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [table]: { Keys: ids.slice(i, i + 100).map((id) => keys.report(id)) } };
    while (request && Object.keys(request).length) {
      const res = await doc.send(new BatchGetCommand({ RequestItems: request }));
      out.push(...(res.Responses?.[table] ?? []).map((item) => fromItem<ReportView>(item)));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return out.filter((r) => r.current && r.status === 'parsed').sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Stores a new revision of a report's record (its values decided anew by neighbours or an
 * officer): item values, derived figures, finding counts and the rows pending review, conditional on the revision read
 * (→ ClaimLost when another writer got there first), then its findings replaced.
 */
export async function reviseReport(view: ReportView, report: Report): Promise<void> {
  const { doc, table } = db();
  const findingCounts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) findingCounts[f.severity]++;
  const seen = view.revision ?? 0;
  await doc
    .send(
      new UpdateCommand({
        TableName: table,
        Key: keys.report(view.id),
        UpdateExpression: `SET #values = :values, derived = :derived, findingCounts = :counts, revision = :next${report.pending ? ', pending = :pending' : ' REMOVE pending'}`,
        ConditionExpression: seen ? 'revision = :seen' : 'attribute_not_exists(revision)',
        ExpressionAttributeNames: { '#values': 'values' },
        ExpressionAttributeValues: { ':values': report.values, ':derived': report.derived, ':counts': findingCounts, ':next': seen + 1, ...(seen ? { ':seen': seen } : {}), ...(report.pending ? { ':pending': report.pending } : {}) },
      }),
    )
    .catch((err) => {
      throw err?.name === 'ConditionalCheckFailedException' ? new ClaimLost(view.id) : err;
    });
  await deleteFindings(view.id);
  await putFindings(view.id, report, view.current);
}
