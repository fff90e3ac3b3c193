import type { AuditRule } from '../rule';
import { x1CarryOver } from './x1-carry-over';
import { x2DocumentStock } from './x2-document-stock';
import { x3MissingLate } from './x3-missing-late';
import { x4Copying } from './x4-copying';
import { x5Outliers } from './x5-outliers';
import { x6GovernmentSum } from './x6-government-sum';
import { x7OldFormat } from './x7-old-format';

/** Every cross-report rule, in id order. A new rule is one file plus one line here. */
export const AUDIT_RULES: readonly AuditRule[] = [x1CarryOver, x2DocumentStock, x3MissingLate, x4Copying, x5Outliers, x6GovernmentSum, x7OldFormat];

export { AUDIT_KEYS } from './inputs';
