import type { FindingCounts } from '../core/findings/counts';
import type { Finding, Format, InputKind, PendingValue, Status, TableId } from '../core/types';

/** `received` is the store's own first state: claimed, not yet parsed. */
export type StoredStatus = Status | 'received';

/** Where the uploaded object is (it always stays there; the bucket is versioned). */
export interface S3Source {
  bucket: string;
  key: string;
  versionId?: string;
}

export interface Timings {
  readMs: number;
  parseMs: number;
  /** Stored: the record object and the findings writes (the report item's own write cannot time itself). */
  storeMs?: number;
}

export type { FindingCounts };

/**
 * A report as stored: everything a list or a comparison needs. The full record (sections,
 * evidence, narrative, repairs) is the JSON object at `recordKey` in the bucket.
 */
export interface ReportView {
  id: string;
  status: StoredStatus;
  reason: string | null;
  /** The message of an unexpected error, for `failed`. */
  error?: string;
  agency: string | null;
  year: number | null;
  format: Format;
  publishedAt: string | null;
  kind?: InputKind;
  sha256: string;
  bytes: number;
  source: S3Source;
  /** S3 key of the full parsed record JSON, once parsed. */
  recordKey?: string;
  /** When the object was uploaded (the S3 event time): decides which version of a slot is current. */
  uploadedAt: string;
  receivedAt: string;
  processedAt?: string;
  attempts: number;
  /** The current version of its agency-year slot; false for history and for unplaced reports. */
  current: boolean;
  supersededBy?: string;
  tables: TableId[];
  values: Record<string, number>;
  derived: Record<string, number>;
  findingCounts: FindingCounts;
  timings?: Timings;
  /** Times the stored record was decided anew after its parse (neighbouring years, reviews). */
  revision?: number;
  /** Rows no source has decided, waiting for an officer (待核实). */
  pending?: PendingValue[];
  /** SUMMARY_VERSION of the audit summary kept with it (absent: stored before summaries, or not audited). */
  summaryVersion?: number;
  /** PARSER_VERSION of the parse that stored it (absent: before versions were stored). */
  parserVersion?: number;
}

export interface FindingView extends Finding {
  /** The fingerprint the core gave the finding. */
  id: string;
  reportId: string;
  /** Position in the report's findings list. */
  n: number;
  agency: string | null;
  year: number | null;
}

/** One page of a query; pass `cursor` back for the next page, absent on the last one. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface PageRequest {
  limit?: number;
  /** Item JSON per page at most (default MAX_PAGE_BYTES, 1 MB): a page may end before `limit`, with a cursor. */
  maxBytes?: number;
  cursor?: string;
}

/** Strips the key attributes (and the audit's summary, which only the audit reads) so callers see only the domain fields. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const rest = { ...item };
  for (const k of KEY_ATTRIBUTES) delete rest[k];
  return rest as T;
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk', 'claimedAt', 'summary'];
