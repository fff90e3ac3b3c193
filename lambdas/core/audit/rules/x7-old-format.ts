import { labelWithKey } from '../../form';
import { cite, makeFinding, type AuditRule } from '../rule';
import { RULE_KEYS } from './inputs';

/** X7: reports from reporting year 2021 on use the 2021 national format. */
export const x7OldFormat: AuditRule = {
  id: 'X7',
  name: { zh: '旧格式', en: 'Old format' },
  description: { zh: '2021年度起采用2021年版格式。', en: 'Reports from 2021 on use the 2021 format.' },
  severity: 'error',
  basis: '国办公开办函〔2021〕30号：自2021年度报告起使用新版格式',
  keys: RULE_KEYS.X7,
  check(ctx) {
    if (ctx.year < 2021) return [];
    return ctx.reports
      .filter((r) => r.format === '2019')
      .map((r) => {
        const agency = r.agency?.name ?? r.agencyText;
        return makeFinding(this, ctx.year, {
          agency,
          reports: [r],
          keys: ['format'],
          message: `${agency ?? r.id} ${ctx.year}年度报告仍使用2019年版格式。`,
          messageEn: `${agency ?? r.id}: the ${ctx.year} report still uses the 2019 format.`,
          evidence: `${cite(r)} ${labelWithKey('format')}=2019`,
        });
      });
  },
};
