import type { Rule } from './rule';
import { s1 } from './s1-metadata';
import { s2 } from './s2-format';
import { s3 } from './s3-sections';
import { s4 } from './s4-tables';
import { s5 } from './s5-identities';
import { s6 } from './s6-counts';
import { s7 } from './s7-units';
import { s8 } from './s8-narrative';
import { s9 } from './s9-problems';
import { s10 } from './s10-fees';
import { s11 } from './s11-stale-year';
import { s12 } from './s12-deadline';
import { s13 } from './s13-encoding';
import { s14 } from './s14-accountability';

/** Every compliance rule, in the order findings are listed. A new rule is one file and one line here. */
export const RULES: readonly Rule[] = [s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14];
