import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AgencyMatcher, matchingName } from '../core/audit/names';
import { getRegistry } from './audit';
import { batchGet } from './batch-get';
import { db } from './client';
import { fromItem, type ReportView } from './items';
import { keys } from './keys';
import { queryAll } from './paged-query';

/** The agency's matching name (`matchingName`) with the registry the audit stored (none stored: the printed name alone): its kin partition. */
export async function kinName(agency: string): Promise<string> {
  return matchingName(agency, new AgencyMatcher(await getRegistry()));
}

/**
 * Registers a parsed report under its agency's matching name and year, so the reports of the years
 * around it find it whatever way each printed the agency's name.
 */
export async function putKin(name: string, year: number, id: string): Promise<void> {
  const { doc, table } = db();
  await doc.send(new PutCommand({ TableName: table, Item: { ...keys.kin(name, year, id), id } }));
}

/** The current parsed reports filed under the agency's matching name `name` for `year`. */
export async function currentKin(name: string, year: number): Promise<ReportView[]> {
  const ids = (await queryAll([{ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.kinPartition(name, year) } }])).map(
    (i) => i.id as string,
  );
  if (ids.length === 0) return [];
  const out = (await batchGet(ids.map((id) => keys.report(id)))).map((item) => fromItem<ReportView>(item));
  return out.filter((r) => r.current && r.status === 'parsed').sort((a, b) => a.id.localeCompare(b.id));
}
