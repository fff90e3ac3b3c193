import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Agency, AuditFinding, AuditRun } from '../core/audit';
import { batchWrite } from './batch-write';
import { db } from './client';
import { fromItem } from './items';
import { keys as reportKeys, schema, shardOf } from './keys';

/**
 * The audit's items in the single table:
 *   REGISTRY          / AGENCY#<name>     one registered agency (registry/agencies.csv)
 *   AUDIT#<year>      / RUN#<finishedAt>  one audit run: when, counts, report files
 *   AUDIT#<year>      / FINDING#<id>      a finding of the latest run, also in the year/severity
 *                                         and year/rule indexes, so listFindings({year, rule}) serves it
 */
const REGISTRY_PK = 'REGISTRY';
const auditPk = (year: number) => `AUDIT#${year}`;
const RUN = 'RUN#';
const FINDING = 'FINDING#';

async function queryKeys(pk: string, prefix: string, projection?: string): Promise<Record<string, unknown>[]> {
  const { doc, table } = db();
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
        ...(projection ? { ProjectionExpression: projection } : {}),
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Replaces items under `pk`/`prefix` by `items`: puts them all, deletes the ones no longer there. */
async function replaceAll(pk: string, prefix: string, items: Record<string, unknown>[]): Promise<void> {
  const keep = new Set(items.map((i) => i.sk as string));
  const stale = (await queryKeys(pk, prefix, 'pk, sk')).filter((k) => !keep.has(k.sk as string));
  await batchWrite([...items.map((Item) => ({ PutRequest: { Item } })), ...stale.map((Key) => ({ DeleteRequest: { Key } }))]);
}

/** Stores the registry, replacing the previous one. */
export async function putRegistry(agencies: Agency[]): Promise<void> {
  await replaceAll(
    REGISTRY_PK,
    'AGENCY#',
    agencies.map((a) => ({ pk: REGISTRY_PK, sk: `AGENCY#${a.name}`, ...a })),
  );
}

export async function getRegistry(): Promise<Agency[]> {
  return (await queryKeys(REGISTRY_PK, 'AGENCY#')).map((i) => fromItem<Agency>(i));
}

/**
 * Records an audit run and makes its findings the year's current audit findings (the previous
 * run's that did not recur are deleted; recurring ones keep their id).
 */
export async function saveAuditRun(run: AuditRun, findings: AuditFinding[]): Promise<void> {
  const pk = auditPk(run.year);
  await replaceAll(pk, FINDING, findings.map((f, n) => auditFindingItem(pk, f, n)));
  await batchWrite([{ PutRequest: { Item: { pk, sk: `${RUN}${run.finishedAt}#${run.id}`, ...run } } }]);
}

function auditFindingItem(pk: string, f: AuditFinding, n: number): Record<string, unknown> {
  const agency = f.agency ?? '';
  return {
    pk,
    sk: `${FINDING}${f.id}`,
    [schema.byYear.pk]: reportKeys.severityShard(f.year, f.severity, shardOf(f.id)),
    [schema.byYear.sk]: `${f.rule}#${agency}#${f.id}`,
    [schema.byRule.pk]: reportKeys.yearRule(f.year, f.rule),
    [schema.byRule.sk]: `${f.severity}#${agency}#${f.id}`,
    ...f,
    // The FindingView fields: the first report the finding names (none for a missing report).
    reportId: f.reports[0] ?? '',
    n,
    source: 'audit',
  };
}

/** The current audit findings of a year (those of its latest run). */
export async function listAuditFindings(year: number): Promise<AuditFinding[]> {
  return (await queryKeys(auditPk(year), FINDING)).map((i) => {
    const { reportId: _r, n: _n, source: _s, ...f } = fromItem<AuditFinding & { reportId: string; n: number; source: string }>(i);
    return f;
  });
}

/** The runs of a year, latest first. */
export async function listAuditRuns(year: number): Promise<AuditRun[]> {
  return (await queryKeys(auditPk(year), RUN)).map((i) => fromItem<AuditRun>(i)).reverse();
}
