import type { AuditOptions } from './types';

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  minPeers: 8,
  // Iglewicz–Hoaglin: |modified z| > 3.5 marks an outlier.
  outlierZ: 3.5,
  minRateGap: 0.1,
  minApplications: 10,
  minCases: 5,
  jumpRatio: 5,
  jumpMinBase: 20,
  zeroMedianMin: 50,
  copySimilarity: 0.5,
};
