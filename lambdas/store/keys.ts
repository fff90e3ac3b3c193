import { agencyIdentity } from '../core/agency/identity';
import { ruleFamily } from '../core/rules/family';
import { createHash } from 'node:crypto';

/**
 * Key builders for the single table (README.md, "DynamoDB design" has the design table).
 * Every item has `pk`/`sk`; the three GSIs are overloaded across item types and sparse:
 * an item is in an index only when it carries that index's key attributes.
 */

/** Attribute and index names; the CDK table and the local table are built from these. */
export const schema = {
  pk: 'pk',
  sk: 'sk',
  /** GSI1: agency → its reports over the years, all versions (slot history is a prefix of it). */
  byAgency: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** GSI2: year (write-sharded) → current reports; year + severity (sharded) → current findings. */
  byYear: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** GSI3: year + rule → current findings. */
  byRule: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
  /**
   * GSI4: year (write-sharded) → parsed reports with their audit summary. Projects only what the
   * audit reads (~1.5 KB an item, a third of a report item), so a year's shards are read cheaply.
   */
  bySummary: {
    name: 'gsi4',
    pk: 'gsi4pk',
    sk: 'gsi4sk',
    projected: ['id', 'status', 'current', 'agency', 'year', 'format', 'publishedAt', 'summary', 'summaryVersion'],
  },
} as const;

/** Every GSI of the table, in the order they were added (the CDK table and the local one). */
export const INDEXES = [schema.byAgency, schema.byYear, schema.byRule, schema.bySummary] as const;

/**
 * Write shards per year: 100,000 reports a year over 16 partitions is ~6,000 items each, and a
 * year's bulk load runs at up to 16 × 1,000 writes/s instead of one partition's 1,000.
 */
export const YEAR_SHARDS = 16;

/** Stable shard of an id: readers query every shard, so only the spread matters. */
export function shardOf(id: string, shards = YEAR_SHARDS): number {
  return createHash('sha1').update(id).digest().readUInt32BE(0) % shards;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const shard = (n: number) => `S${pad(n, 2)}`;

/** An item's primary key: the item type is in the literal shapes of `pk` and `sk`. */
export type ItemKey<P extends string = string, S extends string = string> = { pk: P; sk: S };

export type ReportKey = ItemKey<`REPORT#${string}`, 'REPORT'>;
export type FindingKey = ItemKey<`REPORT#${string}`, `FINDING#${string}`>;
export type ContentKey = ItemKey<`CONTENT#${string}`, 'CONTENT'>;
export type SourceKey = ItemKey<`SOURCE#${string}`, 'SOURCE'>;
export type SlotKey = ItemKey<`SLOT#${string}#${number}`, 'SLOT'>;
export type ReviewKey = ItemKey<`REVIEW#${string}`, 'REVIEW'>;
export type RegistryAgencyKey = ItemKey<'REGISTRY', `AGENCY#${string}`>;
export type AuditRunKey = ItemKey<`AUDIT#${number}`, `RUN#${string}`>;
export type AuditFindingKey = ItemKey<`AUDIT#${number}`, `FINDING#${string}`>;
export type AuditLockKey = ItemKey<`AUDIT#${number}`, 'LOCK'>;

/** Every item type of the table (README.md, "Items"), by the key that identifies it. */
export type AnyItemKey =
  ReportKey | FindingKey | ContentKey | SourceKey | SlotKey | ReviewKey | RegistryAgencyKey | AuditRunKey | AuditFindingKey | AuditLockKey;

const FINDING = 'FINDING#';
const REGISTRY = 'REGISTRY';
const AGENCY = 'AGENCY#';
const RUN = 'RUN#';

export const keys = {
  report: (id: string): ReportKey => ({ pk: `REPORT#${id}`, sk: 'REPORT' }),
  finding: (id: string, n: number): FindingKey => ({ pk: `REPORT#${id}`, sk: `${FINDING}${pad(n, 4)}` }),
  findingPrefix: FINDING,
  content: (sha256: string): ContentKey => ({ pk: `CONTENT#${sha256}`, sk: 'CONTENT' }),
  /** One uploaded object (bucket and key, hashed: a key may be 1,024 bytes) → the report its bytes gave: the reconciler reads it by key. */
  source: (bucket: string, key: string): SourceKey => ({ pk: `SOURCE#${createHash('sha256').update(`${bucket}/${key}`).digest('hex')}`, sk: 'SOURCE' }),
  /** An agency-year's version pointer, under the agency's identity (第8师, 第８师 and 第八师 share one). */
  slot: (agency: string, year: number): SlotKey => ({ pk: `SLOT#${agencyIdentity(agency)}#${year}`, sk: 'SLOT' }),
  /** An officer's review of a finding, by the finding's fingerprint: it outlives a re-parse. */
  review: (fingerprint: string): ReviewKey => ({ pk: `REVIEW#${fingerprint}`, sk: 'REVIEW' }),

  /** The agency registry: one item per registered agency under one partition (a few thousand at most). */
  registryPk: REGISTRY,
  registryPrefix: AGENCY,
  registryAgency: (name: string): RegistryAgencyKey => ({ pk: REGISTRY, sk: `${AGENCY}${name}` }),

  /**
   * A year's audit: its runs (`RUN#<run id>`, the execution's name; runs recorded before the state
   * machine are `RUN#<finishedAt>#<id>`), the latest run's findings, and the lock a run holds while it
   * replaces them.
   */
  audit: (year: number): `AUDIT#${number}` => `AUDIT#${year}`,
  auditRunPrefix: RUN,
  auditRun: (year: number, runId: string): AuditRunKey => ({ pk: `AUDIT#${year}`, sk: `${RUN}${runId}` }),
  auditLock: (year: number): AuditLockKey => ({ pk: `AUDIT#${year}`, sk: 'LOCK' }),
  auditFinding: (year: number, findingId: string): AuditFindingKey => ({ pk: `AUDIT#${year}`, sk: `${FINDING}${findingId}` }),
  /**
   * Officers' decisions on an agency-year's open rows, under the matching name (`matchingName`):
   * a `REVIEW#` partition, the one prefix the API may write. `VALUEREVIEW#…` is where they were kept
   * before; still read, never written.
   */
  valueReviewPartition: (name: string, year: number) => `REVIEW#VALUE#${name}#${year}`,
  legacyValueReviewPartition: (name: string, year: number) => `VALUEREVIEW#${name}#${year}`,
  /** Every parsed version of one agency-year under the name the audit matches on (`matchingName`): neighbours are found here. */
  kin: (name: string, year: number, id: string) => ({ pk: `KIN#${name}#${year}`, sk: `REPORT#${id}` }),
  kinPartition: (name: string, year: number) => `KIN#${name}#${year}`,

  /** GSI1 partition of an agency (its identity, however printed); sort `year#uploadedAt#id` orders history within a year. */
  agency: (agency: string) => `AGENCY#${agencyIdentity(agency)}`,
  agencySort: (year: number, uploadedAt: string, id: string) => `${year}#${uploadedAt}#${id}`,
  agencyYearPrefix: (year: number) => `${year}#`,

  /** GSI2 partition of one shard of a year's reports; `null`: not (yet) known, e.g. rejected. */
  yearShard: (year: number | null, n: number) => `YEAR#${year ?? 'none'}#${shard(n)}`,
  yearSort: (agency: string | null, uploadedAt: string, id: string) => `${agency ?? ''}#${uploadedAt}#${id}`,
  /** GSI4 partition of one shard of a year's parsed reports with their audit summaries; sorted by id. */
  summaryShard: (year: number, n: number) => `SUMMARY#${year}#${shard(n)}`,
  /** GSI2 partition of one shard of a year's current findings of one severity; sorted by rule. */
  severityShard: (year: number, severity: string, n: number) => `FY#${year}#SEV#${severity}#${shard(n)}`,
  severitySort: (rule: string, agency: string | null, findingRef: string) => `${rule}#${agency ?? ''}#${findingRef}`,
  /** GSI3 partition of a year's current findings of one rule family (`S5` holds S5-balance, S5-t4 …); sorted by severity. */
  yearRule: (year: number, rule: string) => `FY#${year}#RULE#${ruleFamily(rule)}`,
  yearRuleSort: (severity: string, agency: string | null, findingRef: string) => `${severity}#${agency ?? ''}#${findingRef}`,
} as const;
