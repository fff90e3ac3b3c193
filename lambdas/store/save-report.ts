import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { countFindings } from '../core/findings/counts';
import { PARSER_VERSION } from '../core/record/version';
import type { Finding, Report } from '../core/types';
import { batchWrite } from './batch-write';
import type { Claim } from './claim';
import { db } from './client';
import { ClaimLost } from './errors';
import { fromItem, type ReportView, type Timings } from './items';
import { keys, schema, shardOf } from './keys';
import { queryItems } from './paged-query';
import { retryUntilDone } from './retry';
import { summaryAttributes } from './summaries';

export interface SaveInput {
  claim: Claim;
  /** From the `claimed` ClaimResult: the record id, our claim's timestamp and attempt number. */
  id: string;
  claimedAt: string;
  attempt: number;
  report: Report;
  /** S3 key of the full record JSON. */
  recordKey?: string;
  /** Read and parse times; `storeMs` is added here, measured from `storeStartedAt`. */
  timings?: Timings;
  /** `performance.now()` when storing began (before the record object was written); default: when saveReport was called. */
  storeStartedAt?: number;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Stores a parsed (or rejected / failed) report and its findings, and places it in its
 * agency-year slot: the most recently uploaded version is current (indexed by year, its findings
 * by year, rule and severity); the one it replaces stays, marked `supersededBy`, as history.
 * Every write is conditional on still holding our claim, so a taken-over attempt cannot
 * overwrite the newer one (→ ClaimLost).
 */
export async function saveReport(input: SaveInput): Promise<ReportView> {
  const storeStartedAt = input.storeStartedAt ?? performance.now();
  const item = reportItem(input);
  const { report } = input;
  if (input.attempt > 1) await deleteFindings(input.id);
  const placeable = report.status === 'parsed' && report.agency !== null && report.year !== null;
  // Findings first, the report item last: a report never reaches its final status without its
  // findings, and a crash in between leaves it `received` for the next delivery to claim.
  const expectCurrent = placeable && (await wouldBeCurrent(input));
  await putFindings(input.id, report, expectCurrent);
  // The report item is the last write and cannot time itself: storeMs covers the record object and the findings.
  if (input.timings) item.timings = { ...input.timings, storeMs: Math.round((performance.now() - storeStartedAt) * 10) / 10 };
  if (!placeable) {
    await putOwned(item, input.claimedAt);
    return fromItem<ReportView>(item);
  }
  const placed = await place(item, input);
  // A concurrent version of the slot won or lost meanwhile: rewrite the findings' index keys.
  if (Boolean(placed) !== expectCurrent) await putFindings(input.id, report, Boolean(placed));
  if (placed?.replaced) await unindexFindings(placed.replaced);
  return fromItem<ReportView>({ ...item, current: Boolean(placed) });
}

/**
 * Marks a claimed report `ocr`: a scan handed to the OCR function, which stores it under the same claim. It stays
 * visible in that state (listed under year `none` like every report not yet placed) until OCR stores the record.
 */
export async function markOcr(id: string, claimedAt: string, reason: string): Promise<void> {
  const { doc, table } = db();
  await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.report(id),
      UpdateExpression: 'SET #status = :ocr, reason = :reason, ocrAt = :now',
      ConditionExpression: 'claimedAt = :claimedAt',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':ocr': 'ocr', ':reason': reason, ':now': new Date().toISOString(), ':claimedAt': claimedAt },
    }),
  );
}

/** Marks a claimed report `failed` with the error that escaped; the next delivery may claim it again. */
export async function markFailed(id: string, claimedAt: string, error: unknown): Promise<void> {
  const { doc, table } = db();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.report(id),
      UpdateExpression: 'SET #status = :failed, reason = :reason, #error = :error, processedAt = :now',
      ConditionExpression: 'claimedAt = :claimedAt',
      ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
      ExpressionAttributeValues: {
        ':failed': 'failed',
        ':reason': 'Unexpected error while ingesting the report.',
        ':error': message,
        ':now': new Date().toISOString(),
        ':claimedAt': claimedAt,
      },
    }),
  );
}

interface Placed {
  /** The id of the report that was current before, if another one. */
  replaced?: string;
}

const slotKeyOf = (input: SaveInput) => keys.slot(input.report.agency!, input.report.year!);

async function readSlot(input: SaveInput): Promise<Record<string, unknown> | undefined> {
  const { doc, table } = db();
  return (await doc.send(new GetCommand({ TableName: table, Key: slotKeyOf(input), ConsistentRead: true }))).Item;
}

async function wouldBeCurrent(input: SaveInput): Promise<boolean> {
  const slot = await readSlot(input);
  return !slot || slot.currentId === input.id || isNewer(input, slot);
}

/** Makes the report current in its slot if it is the latest upload; else stores it as history (→ undefined). */
async function place(item: Record<string, unknown>, input: SaveInput): Promise<Placed | undefined> {
  const { doc, table } = db();
  const slotKey = slotKeyOf(input);
  let placed: Placed | undefined;
  // Each conflict means another version of the slot moved it meanwhile: read it again and decide again, a bounded number of times.
  await retryUntilDone(`placing report ${input.id} in its slot`, async () => {
    const slot = await readSlot(input);
    const previous = slot?.currentId as string | undefined;
    if (slot && previous !== input.id && !isNewer(input, slot)) {
      // An older version arriving after a newer one lands as history, naming the version that supersedes it.
      await putOwned({ ...item, supersededBy: previous }, input.claimedAt);
      placed = undefined;
      return true;
    }
    const transact: TransactItem[] = [
      {
        Put: {
          TableName: table,
          Item: { ...slotKey, currentId: input.id, uploadedAt: input.claim.uploadedAt },
          ConditionExpression: slot ? 'currentId = :seen' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: slot ? { ':seen': previous } : undefined,
        },
      },
      {
        Put: {
          TableName: table,
          Item: { ...item, current: true },
          ConditionExpression: 'claimedAt = :claimedAt',
          ExpressionAttributeValues: { ':claimedAt': input.claimedAt },
        },
      },
    ];
    const replaced = previous !== undefined && previous !== input.id ? previous : undefined;
    if (replaced)
      transact.push({
        Update: {
          TableName: table,
          Key: keys.report(replaced),
          UpdateExpression: 'SET #current = :false, supersededBy = :id',
          ExpressionAttributeNames: { '#current': 'current' },
          ExpressionAttributeValues: { ':false': false, ':id': input.id },
        },
      });
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: transact }));
      placed = { replaced };
      return true;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      if (err.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') throw new ClaimLost(input.id);
      return false;
    }
  });
  return placed;
}

/** Later upload wins; the id breaks ties so every attempt decides the same way. */
function isNewer(input: SaveInput, slot: Record<string, unknown>): boolean {
  const mine = input.claim.uploadedAt;
  const theirs = slot.uploadedAt as string;
  return mine > theirs || (mine === theirs && input.id > (slot.currentId as string));
}

async function putOwned(item: Record<string, unknown>, claimedAt: string): Promise<void> {
  const { doc, table } = db();
  await doc
    .send(
      new PutCommand({
        TableName: table,
        Item: item,
        ConditionExpression: 'claimedAt = :claimedAt',
        ExpressionAttributeValues: { ':claimedAt': claimedAt },
      }),
    )
    .catch((err) => {
      throw err?.name === 'ConditionalCheckFailedException' ? new ClaimLost(item.id as string) : err;
    });
}

function reportItem(input: SaveInput): Record<string, unknown> {
  const { report, claim, id } = input;
  const findingCounts = countFindings(report.findings);
  return {
    ...keys.report(id),
    ...(report.agency !== null && report.year !== null
      ? { [schema.byAgency.pk]: keys.agency(report.agency), [schema.byAgency.sk]: keys.agencySort(report.year, claim.uploadedAt, id) }
      : {}),
    [schema.byYear.pk]: keys.yearShard(report.year, shardOf(id)),
    [schema.byYear.sk]: keys.yearSort(report.agency, claim.uploadedAt, id),
    // What the audit reads of the record, kept on the item so the audit never reads the record.
    ...summaryAttributes(id, report),
    id,
    status: report.status,
    reason: report.reason,
    agency: report.agency,
    year: report.year,
    format: report.format,
    publishedAt: report.publishedAt,
    kind: report.input.kind,
    sha256: claim.sha256,
    bytes: claim.bytes,
    source: claim.source,
    recordKey: input.recordKey,
    uploadedAt: claim.uploadedAt,
    receivedAt: input.claimedAt,
    claimedAt: input.claimedAt,
    processedAt: new Date().toISOString(),
    attempts: input.attempt,
    current: false,
    tables: report.tables,
    values: report.values,
    derived: report.derived,
    // Rows decided by no one yet (the ingest decides what the neighbouring years can before storing).
    ...(report.pending ? { pending: report.pending } : {}),
    findingCounts,
    timings: input.timings,
    parserVersion: PARSER_VERSION,
  };
}

function findingItem(id: string, report: Report, f: Finding, n: number, indexed: boolean): Record<string, unknown> {
  const year = report.year!;
  return {
    ...keys.finding(id, n),
    ...(indexed
      ? {
          [schema.byYear.pk]: keys.severityShard(year, f.severity, shardOf(id)),
          [schema.byYear.sk]: keys.severitySort(f.rule, report.agency, `${id}#${n}`),
          [schema.byRule.pk]: keys.yearRule(year, f.rule),
          [schema.byRule.sk]: keys.yearRuleSort(f.severity, report.agency, `${id}#${n}`),
        }
      : {}),
    ...f,
    reportId: id,
    n,
    agency: report.agency,
    year: report.year,
  };
}

export async function putFindings(id: string, report: Report, indexed: boolean): Promise<void> {
  await batchWrite(findingItems(id, report, indexed).map((Item) => ({ PutRequest: { Item } })));
}

export const findingItems = (id: string, report: Report, indexed: boolean) => report.findings.map((f, n) => findingItem(id, report, f, n, indexed));

export const findingKeys = (id: string): Promise<Record<string, unknown>[]> =>
  queryItems({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.report(id).pk, ':prefix': keys.findingPrefix },
    ProjectionExpression: 'pk, sk',
  });

async function deleteFindings(id: string): Promise<void> {
  await batchWrite((await findingKeys(id)).map((Key) => ({ DeleteRequest: { Key } })));
}

/** A replaced report's findings leave the year/rule/severity indexes (sparse), so those list current findings only. */
async function unindexFindings(id: string): Promise<void> {
  const { doc, table } = db();
  for (const Key of await findingKeys(id))
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key,
        UpdateExpression: `REMOVE ${[schema.byYear.pk, schema.byYear.sk, schema.byRule.pk, schema.byRule.sk].join(', ')}`,
      }),
    );
}

/**
 * Hands a finished report back to ingest for a re-parse: marked `failed` (its claim kept), so the next
 * delivery of its upload re-claims it under the same id, re-parses it and stores it as a new attempt:
 * reviews (keyed by finding fingerprint) and the slot history stay. Only if it is still `status`.
 */
export async function markForReprocess(id: string, status: string): Promise<void> {
  const { doc, table } = db();
  await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.report(id),
      UpdateExpression: 'SET #status = :failed, #error = :why',
      ConditionExpression: '#status = :was',
      ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
      ExpressionAttributeValues: { ':failed': 'failed', ':why': `Reprocess: parsed by an older parser (now version ${PARSER_VERSION})`, ':was': status },
    }),
  );
}
