import { route } from '../router';
import { dictionary } from '../names';

export const listRules = route({
  method: 'GET',
  path: '/rules',
  summary: "The rule registry with names and descriptions (zh, en), the form's field labels, the comparison rates, statuses and review states",
  description: 'Rules S1–S14 check each report; X1–X7 are the cross-agency audit. `fields` maps a value key to its printed label (表三 · 本年新收 · 总计).',
  responses: { 200: '`{rules: [{id, scope, name, description, basis}], fields, metrics, statuses, reviews}`' },
  async run() {
    return { json: dictionary() };
  },
});
