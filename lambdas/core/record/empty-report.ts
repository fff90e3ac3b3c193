import type { InputInfo, Report } from '../types';

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
