import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Severity } from '../core/types';
import { batchGet } from './batch-get';
import { db } from './client';
import { fromItem, type FindingView, type Page, type PageRequest, type ReportView } from './items';
import { keys, schema, YEAR_SHARDS } from './keys';
import { countAll, pagedQuery, queryAll, type Part } from './paged-query';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const shards = Array.from({ length: YEAR_SHARDS }, (_, n) => n);

export async function getReport(id: string): Promise<ReportView | undefined> {
  const { doc, table } = db();
  const res = await doc.send(new GetCommand({ TableName: table, Key: keys.report(id) }));
  return res.Item ? fromItem<ReportView>(res.Item) : undefined;
}

/** The report made from these bytes (whatever key they were uploaded under), once claimed. */
export async function getReportByContent(sha256: string): Promise<ReportView | undefined> {
  const { doc, table } = db();
  const content = await doc.send(new GetCommand({ TableName: table, Key: keys.content(sha256) }));
  return content.Item ? getReport(content.Item.reportId as string) : undefined;
}

/** An agency's reports, oldest year first; current versions only unless `history`. */
export async function listReportsByAgency(agency: string, opts: { history?: boolean } = {}): Promise<ReportView[]> {
  const items = await queryAll([
    {
      IndexName: schema.byAgency.name,
      KeyConditionExpression: `${schema.byAgency.pk} = :a`,
      ExpressionAttributeValues: { ':a': keys.agency(agency), ...(opts.history ? {} : { ':t': true }) },
      ...(opts.history ? {} : { FilterExpression: '#current = :t', ExpressionAttributeNames: { '#current': 'current' } }),
    },
  ]);
  return items.map((i) => fromItem<ReportView>(i));
}

/** Every version ever stored for one agency-year slot, in upload order; the last current one is `current`. */
export async function slotHistory(agency: string, year: number): Promise<ReportView[]> {
  const items = await queryAll([
    {
      IndexName: schema.byAgency.name,
      KeyConditionExpression: `${schema.byAgency.pk} = :a AND begins_with(${schema.byAgency.sk}, :y)`,
      ExpressionAttributeValues: { ':a': keys.agency(agency), ':y': keys.agencyYearPrefix(year) },
    },
  ]);
  return items.map((i) => fromItem<ReportView>(i));
}

export interface YearQuery {
  /** Include superseded versions and reports not parsed (year `null` lists unplaced ones). */
  all?: boolean;
}

function yearParts(year: number | null, q: YearQuery, projection?: string): Part[] {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (!q.all) {
    names['#current'] = 'current';
    values[':t'] = true;
  }
  if (projection?.includes('#values')) names['#values'] = 'values';
  return shards.map((n) => ({
    IndexName: schema.byYear.name,
    KeyConditionExpression: `${schema.byYear.pk} = :p`,
    ExpressionAttributeValues: { ...values, ':p': keys.yearShard(year, n) },
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ...(q.all ? {} : { FilterExpression: '#current = :t' }),
    ...(projection ? { ProjectionExpression: projection } : {}),
  }));
}

/** A report's rows waiting for an officer, as the review list reads them. */
export type PendingOfReport = Pick<ReportView, 'id' | 'agency' | 'year' | 'pending'>;

/** The current reports of the given years that have rows waiting for an officer (`pending`), projected to them; shards and years read in parallel. */
export async function pendingOfYears(years: number[]): Promise<PendingOfReport[]> {
  const parts = years.flatMap((year) =>
    yearParts(year, {}, 'id, agency, #year, pending').map((p) => ({
      ...p,
      FilterExpression: '#current = :t AND attribute_exists(pending)',
      ExpressionAttributeNames: { ...p.ExpressionAttributeNames, '#year': 'year' },
    })),
  );
  return (await queryAll(parts)).map((i) => fromItem<PendingOfReport>(i));
}

/** How many reports a year's list holds (current ones; with `all`, every version and status), for the page's "N of M". */
export const countReportsOfYear = (year: number | null, q: YearQuery = {}): Promise<number> => countAll(yearParts(year, q));

/** Current reports of a year, a page at a time (across the year's shards). `year: null` with `all`: unplaced reports. */
export async function listReportsByYear(year: number | null, page: PageRequest & YearQuery = {}): Promise<Page<ReportView>> {
  const res = await pagedQuery(yearParts(year, page), page);
  return { items: res.items.map((i) => fromItem<ReportView>(i)), cursor: res.cursor };
}

/** All current reports of a year at once, shards read in parallel (audits, comparisons). */
export async function allReportsOfYear(year: number, q: YearQuery = {}): Promise<ReportView[]> {
  return (await queryAll(yearParts(year, q))).map((i) => fromItem<ReportView>(i));
}

export interface AgencyValues {
  reportId: string;
  agency: string;
  values: Record<string, number>;
  derived: Record<string, number>;
}

/** Agency × metric matrix of a year: the current report of every agency, its values and derived values. */
export async function valuesForYear(year: number): Promise<AgencyValues[]> {
  const items = await queryAll(yearParts(year, {}, 'id, agency, #values, derived'));
  return items.map((i) => ({
    reportId: i.id as string,
    agency: i.agency as string,
    values: (i.values ?? {}) as Record<string, number>,
    derived: (i.derived ?? {}) as Record<string, number>,
  }));
}

export type FindingFilter =
  | { reportId: string }
  | {
      year: number;
      /** A rule id or a family: `S5` gives S5-balance, S5-t4 …; `S5-balance` gives that one. */
      rule?: string;
      severity?: Severity;
      /** Leave out the checks that could not be made (outcome `not-assessable`), as the API does unless asked. */
      hideNotAssessable?: boolean;
    };

/**
 * Findings of one report (all, in order), or the current findings of a year by rule and/or
 * severity. A year with neither reads every severity's shards.
 */
export async function listFindings(filter: FindingFilter, page: PageRequest = {}): Promise<Page<FindingView>> {
  const res = await pagedQuery(
    findingParts(filter).map((part) => withFindingFilter(part, filter)),
    page,
  );
  return { items: res.items.map((i) => fromItem<FindingView>(i)), cursor: res.cursor };
}

/** The rule and outcome conditions the index keys cannot express, as a filter on the read items. */
function withFindingFilter(part: Part, filter: FindingFilter): Part {
  if ('reportId' in filter) return part;
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.rule) {
    conditions.push('(#rule = :rule OR begins_with(#rule, :ruleSub))');
    names['#rule'] = 'rule';
    Object.assign(values, { ':rule': filter.rule, ':ruleSub': `${filter.rule}-` });
  }
  if (filter.hideNotAssessable) {
    conditions.push('(attribute_not_exists(#outcome) OR #outcome <> :na)');
    names['#outcome'] = 'outcome';
    values[':na'] = 'not-assessable';
  }
  if (!conditions.length) return part;
  return {
    ...part,
    FilterExpression: conditions.join(' AND '),
    ExpressionAttributeNames: { ...part.ExpressionAttributeNames, ...names },
    ExpressionAttributeValues: { ...part.ExpressionAttributeValues, ...values },
  };
}

/** What a tally of a year's findings reads of each: who, which rule, how bad, whether it could be judged, and the fingerprint its review is kept under. */
export type FindingTally = Pick<FindingView, 'id' | 'rule' | 'severity' | 'agency' | 'outcome'>;

/**
 * Every current finding of a year, reduced by the query's projection to the five attributes a
 * tally needs (a few dozen bytes instead of the message and evidence, ~0.5–20 KB): the severity
 * shards are read in parallel. The overview counts these.
 */
export async function findingTally(year: number): Promise<FindingTally[]> {
  const names = { '#id': 'id', '#rule': 'rule', '#severity': 'severity', '#agency': 'agency', '#outcome': 'outcome' };
  const parts = findingParts({ year }).map((part) => ({
    ...part,
    ProjectionExpression: Object.keys(names).join(', '),
    ExpressionAttributeNames: { ...part.ExpressionAttributeNames, ...names },
  }));
  return (await queryAll(parts)) as FindingTally[];
}

function findingParts(filter: FindingFilter): Part[] {
  if ('reportId' in filter)
    return [
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :f)',
        ExpressionAttributeValues: { ':pk': keys.report(filter.reportId).pk, ':f': keys.findingPrefix },
      },
    ];
  const { year, rule, severity } = filter;
  if (rule)
    return [
      {
        IndexName: schema.byRule.name,
        KeyConditionExpression: `${schema.byRule.pk} = :p` + (severity ? ` AND begins_with(${schema.byRule.sk}, :s)` : ''),
        ExpressionAttributeValues: { ':p': keys.yearRule(year, rule), ...(severity ? { ':s': `${severity}#` } : {}) },
      },
    ];
  return (severity ? [severity] : SEVERITIES).flatMap((sev) =>
    shards.map((n) => ({
      IndexName: schema.byYear.name,
      KeyConditionExpression: `${schema.byYear.pk} = :p`,
      ExpressionAttributeValues: { ':p': keys.severityShard(year, sev, n) },
    })),
  );
}

/**
 * Every report item, by a full table scan: for the local CLI and small tables only. At scale,
 * list by year (`listReportsByYear`), which reads the index instead.
 */
export async function scanReports(): Promise<ReportView[]> {
  const { doc, table } = db();
  const out: ReportView[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new ScanCommand({ TableName: table, FilterExpression: 'sk = :r', ExpressionAttributeValues: { ':r': 'REPORT' }, ExclusiveStartKey: start }),
    );
    out.push(...(res.Items ?? []).map((i) => fromItem<ReportView>(i)));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** What the store knows of one uploaded object key: the report its bytes gave, if any. */
export interface SourceState {
  reportId: string;
  status: string;
  attempts: number;
  claimedAt?: string;
  receivedAt?: string;
}

/**
 * What the store knows of the given object keys of one bucket (keys it never saw are absent): each
 * key's source item gives its report, whose status the reconciler compares the bucket with. Reads
 * by key, a page of the bucket's listing at a time, however large the table.
 */
export async function sourceStates(bucket: string, objectKeys: string[]): Promise<Map<string, SourceState>> {
  const sources = await batchGet(objectKeys.map((key) => keys.source(bucket, key)));
  const reportIds = [...new Set(sources.map((s) => s.reportId as string))];
  const reports = new Map((await batchGet(reportIds.map((id) => keys.report(id)))).map((r) => [r.id as string, r]));
  const out = new Map<string, SourceState>();
  for (const s of sources) {
    const r = reports.get(s.reportId as string);
    out.set(s.key as string, {
      reportId: s.reportId as string,
      status: (r?.status as string) ?? 'missing',
      attempts: (r?.attempts as number) ?? 0,
      claimedAt: r?.claimedAt as string | undefined,
      receivedAt: r?.receivedAt as string | undefined,
    });
  }
  return out;
}
