import { createHash } from 'node:crypto';
import type { RejectedInput } from '../errors';
import { withIds } from '../rules/evidence';
import { sniffKind } from '../sniff/input-kind';
import type { InputInfo, Report } from '../types';
import type { ParseInput } from './parse-report';

/** A record with nothing found yet: the start of every parse, and the whole of a rejected one. */
export function emptyReport(id: string, input: InputInfo): Report {
  return {
    id,
    status: 'parsed',
    reason: null,
    input,
    agency: null,
    year: null,
    format: 'unknown',
    publishedAt: null,
    sections: [],
    tables: [],
    values: {},
    evidence: {},
    derived: {},
    narrative: [],
    repairs: [],
    findings: [],
  };
}

/** What is known of the input before it is read: its size and hash. */
export function inputInfo(bytes: Uint8Array): InputInfo {
  return { kind: 'text', bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'unknown', script: 'simplified' };
}

/**
 * The record of an input refused from outside the parse (a bound of the isolated parse was hit).
 * Kept apart from the parser so the ingest handler, which parses in a worker, does not bundle it.
 */
export function rejectedReport(input: ParseInput, err: RejectedInput): Report {
  const info = inputInfo(input.bytes);
  const sniffed = sniffKind(input.bytes, input.name);
  if (sniffed.kind) info.kind = sniffed.kind;
  return rejectReport(emptyReport(input.id, info), err);
}

export function rejectReport(report: Report, err: RejectedInput): Report {
  report.status = 'rejected';
  report.reason = err.reason;
  report.findings = withIds(report.id, [...report.findings, { rule: err.rule, severity: 'error', message: err.reason, keys: [], evidence: '' }]);
  return report;
}
