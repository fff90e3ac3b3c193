import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get';
import { agencyKey } from '../core/audit/names';
import type { Report } from '../core/types';
import { db } from './client';
import { ClaimLost } from './errors';
import { fromItem, type FindingCounts, type ReportView } from './items';
import { keys } from './keys';
import { queryAll } from './paged-query';
import { deleteFindings, putFindings } from './save-report';

/**
 * Registers a parsed report under its agency's matching name and year, so the reports of the
 * years around it find it whatever way each printed the agency's name.
 */
export async function putKin(report: Report): Promise<void> {
  const { doc, table } = db();
  await doc.send(new PutCommand({ TableName: table, Item: { ...keys.kin(agencyKey(report.agency!), report.year!, report.id), id: report.id } }));
}

/** The current parsed reports of the agency (matched as the audit matches names) for `year`. */
export async function currentKin(agency: string, year: number): Promise<ReportView[]> {
  const ids = (
    await queryAll([{ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.kinPartition(agencyKey(agency), year) } }])
  ).map((i) => i.id as string);
  if (ids.length === 0) return [];
  const out = (await batchGet(ids.map((id) => keys.report(id)))).map((item) => fromItem<ReportView>(item));
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
