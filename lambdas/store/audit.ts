import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Agency, AuditFinding, AuditRun, AuditRunRecord, AuditRunStatus } from '../core/audit';
import { batchWrite } from './batch-write';
import { db } from './client';
import { fromItem } from './items';
import { keys, schema, shardOf } from './keys';
import { queryItems } from './paged-query';

/**
 * The audit's items in the single table (keys in ./keys.ts):
 *   REGISTRY          / AGENCY#<name>             one registered agency (registry/agencies.csv)
 *   AUDIT#<year>      / RUN#<runId>               one audit run: status, when, counts, report files
 *   AUDIT#<year>      / FINDING#<id>              a finding of the latest run, also in the year/severity
 *                                                 and year/rule indexes, so listFindings({year, rule}) serves it
 *   AUDIT#<year>      / LOCK                      the run replacing the year's findings, while it does
 */
const queryKeys = (pk: string, prefix: string, projection?: string): Promise<Record<string, unknown>[]> =>
  queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
    ...(projection ? { ProjectionExpression: projection } : {}),
  });

/** Replaces items under `pk`/`prefix` by `items`: puts them all, deletes the ones no longer there (`inFlight` batches at once). */
async function replaceAll(pk: string, prefix: string, items: Record<string, unknown>[], inFlight = 1): Promise<void> {
  const keep = new Set(items.map((i) => i.sk as string));
  const stale = (await queryKeys(pk, prefix, 'pk, sk')).filter((k) => !keep.has(k.sk as string));
  await batchWrite([...items.map((Item) => ({ PutRequest: { Item } })), ...stale.map((Key) => ({ DeleteRequest: { Key } }))], inFlight);
}

/** Batches written at once: a year's findings (50,000 in a country-wide year) or a registry in a minute, not in twenty. */
const BATCHES_IN_FLIGHT = 8;

/** Stores the registry, replacing the previous one. */
export async function putRegistry(agencies: Agency[]): Promise<void> {
  await replaceAll(
    keys.registryPk,
    keys.registryPrefix,
    agencies.map((a) => ({ ...keys.registryAgency(a.name), ...a })),
    BATCHES_IN_FLIGHT,
  );
}

/** Whether any registry is stored (one item read, not the registry). */
export async function hasRegistry(): Promise<boolean> {
  const { doc, table } = db();
  const res = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.registryPk, ':p': keys.registryPrefix },
      ProjectionExpression: 'pk',
      Limit: 1,
    }),
  );
  return (res.Items?.length ?? 0) > 0;
}

export async function getRegistry(): Promise<Agency[]> {
  return (await queryKeys(keys.registryPk, keys.registryPrefix)).map((i) => fromItem<Agency>(i));
}

/** Records that a run started (or started again: the same run id keeps one item). */
export async function startAuditRun(run: Pick<AuditRunRecord, 'id' | 'year' | 'startedAt' | 'today'>): Promise<void> {
  await updateRun(run, { status: 'running', today: run.today }, ['error']);
}

/**
 * Makes a run's findings the year's current audit findings (the previous run's that did not recur
 * are deleted; recurring ones keep their id) and records it as succeeded. Idempotent: the same run
 * stored again leaves the same items.
 */
export async function saveAuditRun(run: AuditRun, findings: AuditFinding[]): Promise<void> {
  await replaceAll(
    keys.audit(run.year),
    keys.findingPrefix,
    findings.map((f, n) => auditFindingItem(f, n)),
    BATCHES_IN_FLIGHT,
  );
  const { doc, table } = db();
  await doc.send(new PutCommand({ TableName: table, Item: { ...keys.auditRun(run.year, run.id), ...run } }));
}

/** Records how a run that did not succeed ended (its execution failed, timed out or was aborted), creating the item if it never started. */
export async function stopAuditRun(
  run: Pick<AuditRunRecord, 'id' | 'year' | 'startedAt'>,
  status: Exclude<AuditRunStatus, 'running' | 'succeeded'>,
  error: string,
  at: string,
): Promise<void> {
  await updateRun(run, { status, finishedAt: at, error });
}

/** Sets `fields` on a run's item and removes `removed`, creating the item if need be; its first start is kept. */
async function updateRun(run: Pick<AuditRunRecord, 'id' | 'year' | 'startedAt'>, fields: Record<string, unknown>, removed: string[] = []): Promise<void> {
  const all = { id: run.id, year: run.year, ...fields };
  const names = Object.fromEntries([...Object.keys(all), ...removed].map((k) => [`#${k}`, k]));
  const values = Object.fromEntries([...Object.entries(all).map(([k, v]) => [`:${k}`, v]), [':startedAt', run.startedAt]]);
  const set = [...Object.keys(all).map((k) => `#${k} = :${k}`), 'startedAt = if_not_exists(startedAt, :startedAt)'].join(', ');
  const { doc, table } = db();
  await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.auditRun(run.year, run.id),
      UpdateExpression: `SET ${set}${removed.length ? ` REMOVE ${removed.map((k) => `#${k}`).join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Another run of the year holds the lock: retried later (the state machine's retry of the step). */
export class AuditInProgress extends Error {
  constructor(
    readonly year: number,
    readonly holder: string,
  ) {
    super(`Run ${holder} is replacing the audit findings of ${year}`);
    this.name = 'AuditInProgress';
  }
}

/**
 * Takes the year's lock for `runId` (free, already ours, or its holder's lease over): one run at a
 * time replaces a year's findings. A run that dies keeps it until its lease ends.
 */
export async function lockAuditYear(year: number, runId: string, leaseMs: number): Promise<void> {
  const { doc, table } = db();
  const now = Date.now();
  await doc
    .send(
      new PutCommand({
        TableName: table,
        Item: { ...keys.auditLock(year), runId, until: now + leaseMs },
        ConditionExpression: 'attribute_not_exists(pk) OR runId = :me OR #until < :now',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':me': runId, ':now': now },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    .catch((err) => {
      if (err?.name !== 'ConditionalCheckFailedException') throw err;
      throw new AuditInProgress(year, String(err.Item?.runId?.S ?? 'another run'));
    });
}

/** Gives the year's lock up, if `runId` holds it. */
export async function unlockAuditYear(year: number, runId: string): Promise<void> {
  const { doc, table } = db();
  await doc
    .send(new DeleteCommand({ TableName: table, Key: keys.auditLock(year), ConditionExpression: 'runId = :me', ExpressionAttributeValues: { ':me': runId } }))
    .catch((err) => {
      if (err?.name !== 'ConditionalCheckFailedException') throw err;
    });
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

/** The runs of a year, latest start first. */
export async function listAuditRuns(year: number): Promise<AuditRunRecord[]> {
  const runs = (await queryKeys(keys.audit(year), keys.auditRunPrefix)).map((i) => fromItem<AuditRunRecord>(i));
  return runs.sort((a, b) => (a.startedAt === b.startedAt ? (a.id < b.id ? 1 : -1) : a.startedAt < b.startedAt ? 1 : -1));
}
