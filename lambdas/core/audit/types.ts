import type { Finding, Format } from '../types';

export type AgencyKind = 'government' | 'department';

/** One registered agency: who is expected to publish a report each year (registry/agencies.csv). */
export interface Agency {
  /** Full official name, the agency's identity across years. */
  name: string;
  aliases: string[];
  kind: AgencyKind;
  region: string;
  /** Administrative level, e.g. 省 / 市 / 县: peers share kind and level. */
  level: string;
  /** Registered name of the government a department belongs to (X6). */
  parent: string | null;
  /** `MM-DD` in the year after the reporting year, or a full `YYYY-MM-DD`; replaces the statutory deadline. */
  deadline: string | null;
  /** Set when no registry row names the agency: kind, level and parent were read from its name. */
  inferred?: boolean;
}

/** An audit finding: a report finding plus what the audit is about, so it can be stored and queried. */
export interface AuditFinding extends Finding {
  id: string;
  year: number;
  /** Registered agency name, or the name as printed when it matches nothing. */
  agency: string | null;
  /** Ids of the reports the finding compares. */
  reports: string[];
}

/**
 * What the store keeps of one report for the audit, on its index item (`summaryOf`, computed when the
 * report is stored): the figures the rules read and fingerprints of the tables and the narrative,
 * about 1.5 KB, so the audit reads a year's index and never a record.
 */
export interface StoredSummary {
  /** SUMMARY_VERSION when it was computed. */
  version: number;
  figures: Record<string, number>;
  /** Hash of every table value, only for tables with enough non-zero cells to be distinctive. */
  tableHash: string | null;
  /** Hash and MinHash signature of the normalised narrative (sections 1, 5, 6), when long enough. */
  narrativeHash: string | null;
  narrativeSignature: Uint32Array | null;
}

/**
 * What the audit keeps of one report: its stored summary with the report's fields and the agency
 * its printed name matches in the registry, a few hundred bytes in memory, not its text.
 */
export interface ReportSummary extends Omit<StoredSummary, 'version'> {
  id: string;
  year: number;
  /** The agency as printed. */
  agencyText: string | null;
  /** The registered agency it matched; the audit gives an unmatched one an inferred agency (`inferred`). */
  agency: Agency | null;
  format: Format;
  publishedAt: string | null;
}

/** Thresholds of the audit; defaults in ./options.ts. */
export interface AuditOptions {
  /** Smallest peer group whose rates are rated at all (X5). */
  minPeers: number;
  /** Modified z-score beyond which a rate is an outlier (X5). */
  outlierZ: number;
  /** A rate must also differ from the peers' median by this much (0.1 = 10 points) to matter (X5). */
  minRateGap: number;
  /** Smallest denominator for a rate of applications (X5). */
  minApplications: number;
  /** Smallest denominator for a review or litigation correction rate (X5). */
  minCases: number;
  /** Year-on-year ratio beyond which a figure jumped (X5); its inverse is the drop. */
  jumpRatio: number;
  /** A jump is only noted when the larger of the two figures reaches this (X5). */
  jumpMinBase: number;
  /** Peers' median above which a zero is suspicious (X5). */
  zeroMedianMin: number;
  /** Estimated shingle similarity above which a narrative copies last year's (X4). */
  copySimilarity: number;
}

export interface AuditInput {
  year: number;
  registry: Agency[];
  /** Summaries of reports of `year` and `year - 1` (others are ignored). */
  reports: ReportSummary[];
  /** The audit's date, YYYY-MM-DD: deadlines not yet passed give no missing-report finding. */
  today: string;
  options?: Partial<AuditOptions>;
}

export interface AuditCounts {
  agencies: number;
  reports: number;
  findings: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
}

export interface AuditResult {
  year: number;
  today: string;
  findings: AuditFinding[];
  counts: AuditCounts;
}

/** Where a run is: `running` from its start, then how its execution ended. */
export type AuditRunStatus = 'running' | 'succeeded' | 'failed' | 'timed-out' | 'aborted';

/** One audit run as recorded: which year, when, how it ended; what it found once it succeeded. */
export interface AuditRunRecord {
  /** The state machine execution's name: the same through a redrive, so a retried run is the same run. */
  id: string;
  year: number;
  status: AuditRunStatus;
  startedAt: string;
  /** The date deadlines were judged on (YYYY-MM-DD). */
  today?: string;
  finishedAt?: string;
  counts?: AuditCounts;
  /** S3 keys of the report files by format. */
  files?: { html: string; csv: string; json: string };
  /** Why the run stopped, when it did not succeed. */
  error?: string;
  /** Reports audited with a summary older than SUMMARY_VERSION (reprocess them). */
  staleSummaries?: number;
}

/** A run that succeeded: its counts and report files are there. */
export interface AuditRun extends AuditRunRecord {
  status: 'succeeded';
  finishedAt: string;
  counts: AuditCounts;
  files: { html: string; csv: string; json: string };
}
