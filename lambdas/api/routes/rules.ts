import { route } from '../router';
import { dictionary } from '../names';

export const listRules = route({
  method: 'GET',
  path: '/rules',
  summary: "The rule registry with names and descriptions (zh, en), the form's field labels and tables, the comparison rates, statuses and review states",
  description:
    'Rules S1–S14 check each report; X1–X7 are the cross-agency audit. `fields` maps a value key to its printed label (表三 · 本年新收 · 总计); `tables` gives, per format, the three standard tables as the page draws them (columns by key part, rows by key prefix, derived subtotals marked). Both come from the form model (`lambdas/core/form`).',
  responses: { 200: '`{rules: [{id, scope, name, description, basis}], fields, tables: {2019, 2021}, metrics, statuses, reviews}`' },
  async run() {
    return { json: dictionary() };
  },
});
