import { emptyReport } from '../core/record/empty-report';
import { withIds } from '../core/rules/evidence';
import type { InputInfo, Report } from '../core/types';

/**
 * The record of a file over the size cap. The file is never read into memory, so the parser
 * (which applies the same cap to what it is given) cannot see it; this builds the same
 * `rejected` shape the parser gives.
 */
export function oversizeReport(id: string, info: InputInfo, maxBytes: number): Report {
  const reason = `The file is ${mb(info.bytes)} MB, over the ${mb(maxBytes)} MB limit for a report.`;
  return {
    ...emptyReport(id, info),
    status: 'rejected',
    reason,
    findings: withIds(id, [{ rule: 'P-REJECTED', severity: 'error', message: reason, keys: [], evidence: '' }]),
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
