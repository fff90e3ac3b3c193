import type { Agency, AuditFinding, AuditRun } from '../core/audit';
import { batchWrite } from './batch-write';
import { fromItem } from './items';
import { keys, schema, shardOf } from './keys';
import { queryItems } from './paged-query';

/**
 * The audit's items in the single table (keys in ./keys.ts):
 *   REGISTRY          / AGENCY#<name>             one registered agency (registry/agencies.csv)
 *   AUDIT#<year>      / RUN#<finishedAt>#<runId>  one audit run: when, counts, report files
 *   AUDIT#<year>      / FINDING#<id>              a finding of the latest run, also in the year/severity
 *                                                 and year/rule indexes, so listFindings({year, rule}) serves it
 */
const queryKeys = (pk: string, prefix: string, projection?: string): Promise<Record<string, unknown>[]> =>
  queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
    ...(projection ? { ProjectionExpression: projection } : {}),
  });

/** Replaces items under `pk`/`prefix` by `items`: puts them all, deletes the ones no longer there. */
async function replaceAll(pk: string, prefix: string, items: Record<string, unknown>[]): Promise<void> {
  const keep = new Set(items.map((i) => i.sk as string));
  const stale = (await queryKeys(pk, prefix, 'pk, sk')).filter((k) => !keep.has(k.sk as string));
  await batchWrite([...items.map((Item) => ({ PutRequest: { Item } })), ...stale.map((Key) => ({ DeleteRequest: { Key } }))]);
}

/** Stores the registry, replacing the previous one. */
export async function putRegistry(agencies: Agency[]): Promise<void> {
  await replaceAll(
    keys.registryPk,
    keys.registryPrefix,
    agencies.map((a) => ({ ...keys.registryAgency(a.name), ...a })),
  );
}

export async function getRegistry(): Promise<Agency[]> {
  return (await queryKeys(keys.registryPk, keys.registryPrefix)).map((i) => fromItem<Agency>(i));
}

/**
 * Records an audit run and makes its findings the year's current audit findings (the previous
 * run's that did not recur are deleted; recurring ones keep their id).
 */
export async function saveAuditRun(run: AuditRun, findings: AuditFinding[]): Promise<void> {
  await replaceAll(
    keys.audit(run.year),
    keys.findingPrefix,
    findings.map((f, n) => auditFindingItem(f, n)),
  );
  await batchWrite([{ PutRequest: { Item: { ...keys.auditRun(run.year, run.finishedAt, run.id), ...run } } }]);
}

function auditFindingItem(f: AuditFinding, n: number): Record<string, unknown> {
  return {
    ...keys.auditFinding(f.year, f.id),
    [schema.byYear.pk]: keys.severityShard(f.year, f.severity, shardOf(f.id)),
    [schema.byYear.sk]: keys.severitySort(f.rule, f.agency, f.id),
    [schema.byRule.pk]: keys.yearRule(f.year, f.rule),
    [schema.byRule.sk]: keys.yearRuleSort(f.severity, f.agency, f.id),
    ...f,
    // The FindingView fields: the first report the finding names (none for a missing report).
    reportId: f.reports[0] ?? '',
    n,
    source: 'audit',
  };
}

/** The current audit findings of a year (those of its latest run). */
export async function listAuditFindings(year: number): Promise<AuditFinding[]> {
  return (await queryKeys(keys.audit(year), keys.findingPrefix)).map((i) => {
    const { reportId: _r, n: _n, source: _s, ...f } = fromItem<AuditFinding & { reportId: string; n: number; source: string }>(i);
    return f;
  });
}

/** The runs of a year, latest first. */
export async function listAuditRuns(year: number): Promise<AuditRun[]> {
  return (await queryKeys(keys.audit(year), keys.auditRunPrefix)).map((i) => fromItem<AuditRun>(i)).reverse();
}
