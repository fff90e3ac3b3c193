import type { Report, Severity } from '../types';

/**
 * One problem a rule found, or one check it could not make. The runner turns it into a `Finding`:
 * it adds the fingerprint, the rule's basis and the evidence text drawn from `keys` and `sentences`.
 */
export interface Issue {
  /** The rule id with the check's suffix: `S5-balance`. */
  rule: string;
  severity: Severity;
  outcome: 'failed' | 'not-assessable';
  message: string;
  messageEn: string;
  /** Canonical or derived value keys, table ids (`t3`), `section.N` or record fields (`publishedAt`). */
  keys: string[];
  /** Narrative sentences the check read. */
  sentences?: string[];
  /** The arithmetic or the text behind the verdict: `26 + 0 ≠ 20 + 0`. */
  detail?: string;
  /** Set when one check rests on another clause than its rule's. */
  basis?: string;
}

/** A text in both languages the page shows. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A compliance rule: a pure function over the record plus the data that makes its findings disputable. */
export interface Rule {
  /** `S1` … `S14`; each issue's id starts with it. */
  id: string;
  /** A short name officers read instead of the id. */
  name: Bilingual;
  /** What the rule checks, in one line. */
  description: Bilingual;
  /** Regulation article, national-format clause or form identity the rule enforces. */
  basis: string;
  check(report: Report): Issue[];
}

type IssueText = Pick<Issue, 'message' | 'messageEn' | 'keys' | 'sentences' | 'detail' | 'basis'>;

/** A failed check. */
export const failed = (rule: string, severity: Severity, text: IssueText): Issue => ({ rule, severity, outcome: 'failed', ...text });

/** A check the record lacks the data for: always `info`, never a silent pass. */
export const notAssessable = (rule: string, text: IssueText): Issue => ({ rule, severity: 'info', outcome: 'not-assessable', ...text });
